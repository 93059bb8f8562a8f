import { gql } from '@apollo/client';
import { ASSIGNMENT_FIELDS, CASE_SUMMARY_FIELDS } from '../../../shared/fragments';

/** 科室工作台: one page of a bucket, filtered and counted by dispatch (never in the browser). */
export const DEPARTMENT_INBOX_QUERY = gql`
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
  ${CASE_SUMMARY_FIELDS}
  ${ASSIGNMENT_FIELDS}
`;

export const DEPARTMENT_INBOX_COUNTS_QUERY = gql`
  query DepartmentInboxCounts {
    departmentInboxCounts {
      new
      inProgress
      dueSoon
      overdue
      returned
    }
  }
`;

export const DEPARTMENT_RETURNS_QUERY = gql`
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
`;

export const REPLY_CASE_MUTATION = gql`
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
  ${CASE_SUMMARY_FIELDS}
`;
