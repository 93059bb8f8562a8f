import { graphql } from '../../../gql';

/** 科室工作台: one page of a bucket, filtered and counted by dispatch (never in the browser). */
export const DEPARTMENT_INBOX_QUERY = graphql(`
  query DepartmentInbox($bucket: InboxBucket, $offset: Int, $limit: Int, $filter: String) {
    departmentInboxPage(bucket: $bucket, offset: $offset, limit: $limit, filter: $filter) {
      total
      items {
        ...CaseSummaryFields
        assignment {
          ...AssignmentFields
        }
        handling {
          state
          version
          acceptedAt
          contactedAt
          returnCount
          inboxBucket
          round
        }
        assistTasks {
          id
          departmentId
          department {
            id
            name
          }
          status
        }
        replies {
          id
          repliedAt
          reviewStatus
          reviewNote
          reviewedAt
          reviewedByUser {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const DEPARTMENT_INBOX_COUNTS_QUERY = graphql(`
  query DepartmentInboxCounts {
    departmentInboxCounts {
      new
      inProgress
      dueSoon
      overdue
      returned
    }
  }
`);

export const DEPARTMENT_RETURNS_QUERY = graphql(`
  query DepartmentReturns {
    departmentReturns {
      id
      caseId
      externalNo
      title
      reasonCode
      reason
      at
      heldMinutes
      by {
        id
        displayName
      }
      fromDepartment {
        id
        name
      }
    }
  }
`);

export const REPLY_CASE_MUTATION = graphql(`
  mutation ReplyCase($input: ReplyInput!) {
    replyCase(input: $input) {
      ...CaseSummaryFields
      handling {
        state
        version
      }
      replies {
        id
        departmentId
        result
        text
        repliedAt
        reviewStatus
      }
    }
  }
`);
