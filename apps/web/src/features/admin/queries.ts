import { gql } from '@apollo/client';

const DEPARTMENT_FIELDS = gql`
  fragment AdminDepartmentFields on Department {
    id
    code
    name
    active
  }
`;

const USER_FIELDS = gql`
  fragment AdminUserFields on User {
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

export const USERS_QUERY = gql`
  query Users {
    users {
      ...AdminUserFields
    }
  }
  ${USER_FIELDS}
`;

export const CREATE_DEPARTMENT_MUTATION = gql`
  mutation CreateDepartment($input: DepartmentInput!) {
    createDepartment(input: $input) {
      ...AdminDepartmentFields
    }
  }
  ${DEPARTMENT_FIELDS}
`;

export const UPDATE_DEPARTMENT_MUTATION = gql`
  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {
    updateDepartment(id: $id, input: $input) {
      ...AdminDepartmentFields
    }
  }
  ${DEPARTMENT_FIELDS}
`;

export const CREATE_USER_MUTATION = gql`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUserFields
    }
  }
  ${USER_FIELDS}
`;

export const UPDATE_USER_MUTATION = gql`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...AdminUserFields
    }
  }
  ${USER_FIELDS}
`;

export const RESET_PASSWORD_MUTATION = gql`
  mutation ResetPassword($id: ID!, $password: String!) {
    resetPassword(id: $id, password: $password)
  }
`;
