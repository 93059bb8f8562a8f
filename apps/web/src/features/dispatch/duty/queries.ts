import { gql } from '@apollo/client';
import { ASSIGNMENT_FIELDS, CASE_SUMMARY_FIELDS } from '../../../shared/fragments';

/** 待签收: one page of intake's queue, with the count of what matches the filter. */
export const UNSIGNED_CASES_QUERY = gql`
  query UnsignedCases($offset: Int, $limit: Int, $sort: QueueSort, $filter: String) {
    unsignedCases(offset: $offset, limit: $limit, sort: $sort, filter: $filter) {
      ...CaseSummaryFields
    }
    unsignedSummary(filter: $filter) {
      count
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

/** 待分转: one page of dispatch's queue, with the count of what matches the filter. */
export const DISPATCH_QUEUE_QUERY = gql`
  query DispatchQueue($offset: Int, $limit: Int, $sort: QueueSort, $filter: String) {
    dispatchQueueSummary(filter: $filter) {
      count
    }
    dispatchQueue(offset: $offset, limit: $limit, sort: $sort, filter: $filter) {
      ...CaseSummaryFields
      dispatchDueAt
      handling {
        state
        version
        returnCount
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

export const SIGN_CASE_MUTATION = gql`
  mutation SignCase($id: ID!) {
    signCase(id: $id) {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

export const SIGN_CASES_MUTATION = gql`
  mutation SignCases($ids: [ID!]!) {
    signCases(ids: $ids) {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

export const DISPATCH_CASE_MUTATION = gql`
  mutation DispatchCase($input: DispatchInput!) {
    dispatchCase(input: $input) {
      ...CaseSummaryFields
      assignment {
        ...AssignmentFields
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
  ${ASSIGNMENT_FIELDS}
`;

export const RECEIVE_CASE_MUTATION = gql`
  mutation ReceiveCase($input: ReceiveCaseInput!) {
    receiveCase(input: $input) {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

/** Both duty queues are refetched after any duty action. */
export const DUTY_QUEUES = ['UnsignedCases', 'DispatchQueue'];

export const DISPATCH_CASES_MUTATION = gql`
  mutation DispatchCases($inputs: [DispatchInput!]!) {
    dispatchCases(inputs: $inputs) {
      caseId
      ok
      errorCode
      reason
      message
    }
  }
`;

export const DISPATCH_SUGGESTION_QUERY = gql`
  query DispatchSuggestion($id: ID!) {
    case(id: $id) {
      id
      dispatchSuggestion {
        source
        leadDepartmentId
        leadDepartment {
          id
          name
        }
        assistDepartmentIds
        confidence
        excludedDepartmentIds
        rule {
          rule {
            id
            ruleKey
            name
            basis
            version
          }
          leadDepartmentId
          leadDepartment {
            id
            name
          }
          assistDepartmentIds
          matched
        }
        candidates {
          departmentId
          department {
            id
            name
          }
          confidence
          words
        }
      }
    }
  }
`;
