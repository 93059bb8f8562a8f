import { gql } from '@apollo/client';
import { CASE_DISPATCH_FIELDS } from '../case-handling/queries';

/** 局审核: the cases whose reply awaits review (there is no dedicated query; stage replied). */
export const REVIEW_QUEUE_QUERY = gql`
  query ReviewQueue {
    cases(stage: replied, limit: 200) {
      ...CaseDispatchFields
      title
      topic
      requestType
      urgency
      receivedAt
    }
  }
  ${CASE_DISPATCH_FIELDS}
`;

/** 延期审批: recent open cases, filtered to those with a pending extension request. */
export const EXTENSION_QUEUE_QUERY = gql`
  query ExtensionQueue {
    cases(limit: 500) {
      ...CaseDispatchFields
      title
      topic
      requestType
      urgency
      receivedAt
    }
  }
  ${CASE_DISPATCH_FIELDS}
`;
