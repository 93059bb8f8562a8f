import { graphql } from '../../../gql';

/** 撤回附件: returns the case's list as it is now (the cache updates the case page). */
export const REMOVE_ATTACHMENT_MUTATION = graphql(`
  mutation RemoveAttachment($caseId: ID!, $attachmentId: ID!, $reason: String!) {
    removeAttachment(caseId: $caseId, attachmentId: $attachmentId, reason: $reason) {
      id
      attachments {
        id
        name
        url
        contentType
        size
      }
    }
  }
`);
