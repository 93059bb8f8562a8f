import { graphql } from '../../../gql';

/** 待签收: one page of intake's queue, with the count of what matches the filter. */
export const UNSIGNED_CASES_QUERY = graphql(`
  query UnsignedCases($offset: Int, $limit: Int, $sort: QueueSort, $filter: String) {
    unsignedCases(offset: $offset, limit: $limit, sort: $sort, filter: $filter) {
      ...CaseSummaryFields
    }
    unsignedSummary(filter: $filter) {
      count
    }
  }
`);

/** 待分转: one page of dispatch's queue, with the count of what matches the filter. */
export const DISPATCH_QUEUE_QUERY = graphql(`
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
`);

export const SIGN_CASE_MUTATION = graphql(`
  mutation SignCase($id: ID!) {
    signCase(id: $id) {
      ...CaseSummaryFields
    }
  }
`);

export const SIGN_CASES_MUTATION = graphql(`
  mutation SignCases($ids: [ID!]!) {
    signCases(ids: $ids) {
      ...CaseSummaryFields
    }
  }
`);

export const DISPATCH_CASE_MUTATION = graphql(`
  mutation DispatchCase($input: DispatchInput!) {
    dispatchCase(input: $input) {
      ...CaseSummaryFields
      assignment {
        ...AssignmentFields
      }
    }
  }
`);

export const RECEIVE_CASE_MUTATION = graphql(`
  mutation ReceiveCase($input: ReceiveCaseInput!) {
    receiveCase(input: $input) {
      ...CaseSummaryFields
    }
  }
`);

/** Both duty queues are refetched after any duty action. */
export const DUTY_QUEUES = ['UnsignedCases', 'DispatchQueue'];

export const DISPATCH_CASES_MUTATION = graphql(`
  mutation DispatchCases($inputs: [DispatchInput!]!) {
    dispatchCases(inputs: $inputs) {
      caseId
      ok
      errorCode
      reason
      message
    }
  }
`);

export const DISPATCH_SUGGESTION_QUERY = graphql(`
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
`);
