import { graphql } from '../../gql';

/** 局审核: dispatch's queue of cases whose reply awaits review, one page at a time (server-side). */
export const REVIEW_QUEUE_QUERY = graphql(`
  query ReviewQueue($offset: Int, $limit: Int, $filter: String) {
    reviewQueue(offset: $offset, limit: $limit, filter: $filter) {
      total
      items {
        ...CaseDispatchFields
        title
        topic
        requestType
        urgency
        receivedAt
      }
    }
  }
`);

/** 延期审批: dispatch's queue of pending extension requests, of any case however old (server-side). */
export const EXTENSION_QUEUE_QUERY = graphql(`
  query PendingExtensions($offset: Int, $limit: Int) {
    pendingExtensions(offset: $offset, limit: $limit) {
      total
      items {
        id
        departmentId
        department {
          id
          name
        }
        reason
        requestedUntil
        currentDeadlineAt
        requestedAt
        status
        case {
          id
          externalNo
          title
          handling {
            version
          }
        }
      }
    }
  }
`);
