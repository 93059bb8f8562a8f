import { graphql } from '../../gql';

export const DEPARTMENT_FIELDS = graphql(`
  fragment AdminDepartmentFields on Department {
    id
    code
    name
    active
  }
`);

export const USER_FIELDS = graphql(`
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
`);

export const USERS_QUERY = graphql(`
  query Users {
    users {
      ...AdminUserFields
    }
  }
`);

export const CREATE_DEPARTMENT_MUTATION = graphql(`
  mutation CreateDepartment($input: DepartmentInput!) {
    createDepartment(input: $input) {
      ...AdminDepartmentFields
    }
  }
`);

export const UPDATE_DEPARTMENT_MUTATION = graphql(`
  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {
    updateDepartment(id: $id, input: $input) {
      ...AdminDepartmentFields
    }
  }
`);

export const CREATE_USER_MUTATION = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUserFields
    }
  }
`);

export const UPDATE_USER_MUTATION = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...AdminUserFields
    }
  }
`);

export const RESET_PASSWORD_MUTATION = graphql(`
  mutation ResetPassword($id: ID!, $password: String!) {
    resetPassword(id: $id, password: $password)
  }
`);
