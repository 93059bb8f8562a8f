/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AdminDepartmentFields on Department {\n    id\n    code\n    name\n    active\n  }\n": typeof types.AdminDepartmentFieldsFragmentDoc,
    "\n  fragment AdminUserFields on User {\n    id\n    username\n    displayName\n    role\n    departmentId\n    department {\n      id\n      code\n      name\n    }\n    active\n  }\n": typeof types.AdminUserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...AdminUserFields\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...AdminDepartmentFields\n    }\n  }\n": typeof types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {\n    updateDepartment(id: $id, input: $input) {\n      ...AdminDepartmentFields\n    }\n  }\n": typeof types.UpdateDepartmentDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AdminUserFields\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation ResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      ...CaseSummaryFields\n      channel\n      content\n      tier\n      citizenName\n      citizenPhone\n      address\n      projectName\n      street\n      dispatchDueAt\n      assignment {\n        ...AssignmentFields\n      }\n      replies {\n        id\n        departmentId\n        department {\n          id\n          name\n        }\n        result\n        text\n        repliedAt\n        reviewStatus\n        reviewNote\n        reviewedAt\n        repliedByUser {\n          id\n          displayName\n        }\n      }\n      timeline {\n        id\n        type\n        label\n        occurredAt\n        actor {\n          id\n          displayName\n        }\n        actorRole\n        department {\n          id\n          name\n        }\n        detail\n      }\n    }\n  }\n": typeof types.CaseDetailDocument,
    "\n  fragment CaseSummaryFields on Case {\n    id\n    externalNo\n    title\n    requestType\n    topic\n    urgency\n    stage\n    receivedAt\n    signedAt\n    deadlineAt\n  }\n": typeof types.CaseSummaryFieldsFragmentDoc,
    "\n  fragment AssignmentFields on Assignment {\n    leadDepartmentId\n    leadDepartment {\n      id\n      name\n    }\n    assistDepartmentIds\n    assistDepartments {\n      id\n      name\n    }\n    dispatchedAt\n    dispatchedBy {\n      id\n      displayName\n    }\n    status\n    deadlineAt\n  }\n": typeof types.AssignmentFieldsFragmentDoc,
    "\n  query Departments {\n    departments {\n      id\n      code\n      name\n      active\n    }\n  }\n": typeof types.DepartmentsDocument,
};
const documents: Documents = {
    "\n  fragment AdminDepartmentFields on Department {\n    id\n    code\n    name\n    active\n  }\n": types.AdminDepartmentFieldsFragmentDoc,
    "\n  fragment AdminUserFields on User {\n    id\n    username\n    displayName\n    role\n    departmentId\n    department {\n      id\n      code\n      name\n    }\n    active\n  }\n": types.AdminUserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...AdminUserFields\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...AdminDepartmentFields\n    }\n  }\n": types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {\n    updateDepartment(id: $id, input: $input) {\n      ...AdminDepartmentFields\n    }\n  }\n": types.UpdateDepartmentDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AdminUserFields\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation ResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password)\n  }\n": types.ResetPasswordDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      ...CaseSummaryFields\n      channel\n      content\n      tier\n      citizenName\n      citizenPhone\n      address\n      projectName\n      street\n      dispatchDueAt\n      assignment {\n        ...AssignmentFields\n      }\n      replies {\n        id\n        departmentId\n        department {\n          id\n          name\n        }\n        result\n        text\n        repliedAt\n        reviewStatus\n        reviewNote\n        reviewedAt\n        repliedByUser {\n          id\n          displayName\n        }\n      }\n      timeline {\n        id\n        type\n        label\n        occurredAt\n        actor {\n          id\n          displayName\n        }\n        actorRole\n        department {\n          id\n          name\n        }\n        detail\n      }\n    }\n  }\n": types.CaseDetailDocument,
    "\n  fragment CaseSummaryFields on Case {\n    id\n    externalNo\n    title\n    requestType\n    topic\n    urgency\n    stage\n    receivedAt\n    signedAt\n    deadlineAt\n  }\n": types.CaseSummaryFieldsFragmentDoc,
    "\n  fragment AssignmentFields on Assignment {\n    leadDepartmentId\n    leadDepartment {\n      id\n      name\n    }\n    assistDepartmentIds\n    assistDepartments {\n      id\n      name\n    }\n    dispatchedAt\n    dispatchedBy {\n      id\n      displayName\n    }\n    status\n    deadlineAt\n  }\n": types.AssignmentFieldsFragmentDoc,
    "\n  query Departments {\n    departments {\n      id\n      code\n      name\n      active\n    }\n  }\n": types.DepartmentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminDepartmentFields on Department {\n    id\n    code\n    name\n    active\n  }\n"): (typeof documents)["\n  fragment AdminDepartmentFields on Department {\n    id\n    code\n    name\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserFields on User {\n    id\n    username\n    displayName\n    role\n    departmentId\n    department {\n      id\n      code\n      name\n    }\n    active\n  }\n"): (typeof documents)["\n  fragment AdminUserFields on User {\n    id\n    username\n    displayName\n    role\n    departmentId\n    department {\n      id\n      code\n      name\n    }\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...AdminDepartmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...AdminDepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {\n    updateDepartment(id: $id, input: $input) {\n      ...AdminDepartmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {\n    updateDepartment(id: $id, input: $input) {\n      ...AdminDepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($id: ID!, $password: String!) {\n    resetPassword(id: $id, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      ...CaseSummaryFields\n      channel\n      content\n      tier\n      citizenName\n      citizenPhone\n      address\n      projectName\n      street\n      dispatchDueAt\n      assignment {\n        ...AssignmentFields\n      }\n      replies {\n        id\n        departmentId\n        department {\n          id\n          name\n        }\n        result\n        text\n        repliedAt\n        reviewStatus\n        reviewNote\n        reviewedAt\n        repliedByUser {\n          id\n          displayName\n        }\n      }\n      timeline {\n        id\n        type\n        label\n        occurredAt\n        actor {\n          id\n          displayName\n        }\n        actorRole\n        department {\n          id\n          name\n        }\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      ...CaseSummaryFields\n      channel\n      content\n      tier\n      citizenName\n      citizenPhone\n      address\n      projectName\n      street\n      dispatchDueAt\n      assignment {\n        ...AssignmentFields\n      }\n      replies {\n        id\n        departmentId\n        department {\n          id\n          name\n        }\n        result\n        text\n        repliedAt\n        reviewStatus\n        reviewNote\n        reviewedAt\n        repliedByUser {\n          id\n          displayName\n        }\n      }\n      timeline {\n        id\n        type\n        label\n        occurredAt\n        actor {\n          id\n          displayName\n        }\n        actorRole\n        department {\n          id\n          name\n        }\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseSummaryFields on Case {\n    id\n    externalNo\n    title\n    requestType\n    topic\n    urgency\n    stage\n    receivedAt\n    signedAt\n    deadlineAt\n  }\n"): (typeof documents)["\n  fragment CaseSummaryFields on Case {\n    id\n    externalNo\n    title\n    requestType\n    topic\n    urgency\n    stage\n    receivedAt\n    signedAt\n    deadlineAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssignmentFields on Assignment {\n    leadDepartmentId\n    leadDepartment {\n      id\n      name\n    }\n    assistDepartmentIds\n    assistDepartments {\n      id\n      name\n    }\n    dispatchedAt\n    dispatchedBy {\n      id\n      displayName\n    }\n    status\n    deadlineAt\n  }\n"): (typeof documents)["\n  fragment AssignmentFields on Assignment {\n    leadDepartmentId\n    leadDepartment {\n      id\n      name\n    }\n    assistDepartmentIds\n    assistDepartments {\n      id\n      name\n    }\n    dispatchedAt\n    dispatchedBy {\n      id\n      displayName\n    }\n    status\n    deadlineAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments {\n    departments {\n      id\n      code\n      name\n      active\n    }\n  }\n"): (typeof documents)["\n  query Departments {\n    departments {\n      id\n      code\n      name\n      active\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;