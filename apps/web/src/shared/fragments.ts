// Shared GraphQL documents. The fragments are written once, for the generated types (graphql());
// documents still written with gql`` interpolate them by source text, which a generated document
// does not carry: CASE_SUMMARY_FIELDS and ASSIGNMENT_FIELDS are gql copies printed from them.
import { gql } from '@apollo/client';
import { print } from 'graphql';
import { graphql } from '../gql';

export const CaseSummaryFieldsFragment = graphql(`
  fragment CaseSummaryFields on Case {
    id
    externalNo
    title
    requestType
    topic
    urgency
    stage
    receivedAt
    signedAt
    deadlineAt
  }
`);

export const AssignmentFieldsFragment = graphql(`
  fragment AssignmentFields on Assignment {
    leadDepartmentId
    leadDepartment {
      id
      name
    }
    assistDepartmentIds
    assistDepartments {
      id
      name
    }
    dispatchedAt
    dispatchedBy {
      id
      displayName
    }
    status
    deadlineAt
  }
`);

/** For gql`` documents: interpolating a generated document would lose its text. */
export const CASE_SUMMARY_FIELDS = gql(print(CaseSummaryFieldsFragment));
export const ASSIGNMENT_FIELDS = gql(print(AssignmentFieldsFragment));

export const DEPARTMENTS_QUERY = graphql(`
  query Departments {
    departments {
      id
      code
      name
      active
    }
  }
`);
