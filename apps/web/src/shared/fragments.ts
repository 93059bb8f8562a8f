import { gql } from '@apollo/client';

export const CASE_SUMMARY_FIELDS = gql`
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
`;

export const ASSIGNMENT_FIELDS = gql`
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
`;

export const DEPARTMENTS_QUERY = gql`
  query Departments {
    departments {
      id
      code
      name
      active
    }
  }
`;
