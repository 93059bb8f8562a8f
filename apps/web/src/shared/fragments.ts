// Shared GraphQL documents, written once for the generated types (graphql()); other documents
// spread the fragments by name.
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
