import { graphql } from '../../gql';

export const USER_FIELDS = graphql(`
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
`);

export const LOGIN_MUTATION = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        ...SessionUserFields
      }
    }
  }
`);

export const ME_QUERY = graphql(`
  query Me {
    me {
      ...SessionUserFields
    }
  }
`);
