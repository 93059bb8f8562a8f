import { gql } from '@apollo/client';

const USER_FIELDS = gql`
  fragment SessionUserFields on User {
    id
    username
    displayName
    role
    departmentId
    department {
      id
      code
      name
    }
    active
  }
`;

export const LOGIN_MUTATION = gql`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        ...SessionUserFields
      }
    }
  }
  ${USER_FIELDS}
`;

export const ME_QUERY = gql`
  query Me {
    me {
      ...SessionUserFields
    }
  }
  ${USER_FIELDS}
`;
