import { gql } from '@apollo/client';
import { ASSIGNMENT_FIELDS, CASE_SUMMARY_FIELDS } from '../shared/fragments';

export const DEPARTMENT_INBOX_QUERY = gql`
  query DepartmentInbox {
    departmentInbox {
      ...CaseSummaryFields
      assignment {
        ...AssignmentFields
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
  ${ASSIGNMENT_FIELDS}
`;

export const REPLY_CASE_MUTATION = gql`
  mutation ReplyCase($input: ReplyInput!) {
    replyCase(input: $input) {
      ...CaseSummaryFields
      replies {
        id
        departmentId
        result
        text
        repliedAt
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;
