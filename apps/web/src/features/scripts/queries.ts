import { gql } from '@apollo/client';

const SCRIPT_FIELDS = `
  id scope scopeLabel scopeKey title publishedVersion uses createdAt
  versions { version title text status statusLabel createdAt approvedAt publishedAt retiredAt uses lastUsedAt }
`;

export const REPLY_SCRIPTS_QUERY = gql`
  query ReplyScripts($scope: ReplyScriptScope, $scopeKey: String, $offset: Int, $limit: Int) {
    replyScripts(scope: $scope, scopeKey: $scopeKey, offset: $offset, limit: $limit) {
      total offset limit
      items { ${SCRIPT_FIELDS} }
    }
  }
`;

export const CREATE_REPLY_SCRIPT = gql`
  mutation CreateReplyScript($input: CreateReplyScriptInput!) { createReplyScript(input: $input) { ${SCRIPT_FIELDS} } }
`;
export const REVISE_REPLY_SCRIPT = gql`
  mutation ReviseReplyScript($input: ReviseReplyScriptInput!) { reviseReplyScript(input: $input) { ${SCRIPT_FIELDS} } }
`;
export const APPROVE_REPLY_SCRIPT = gql`
  mutation ApproveReplyScript($input: ReplyScriptVersionInput!) { approveReplyScript(input: $input) { ${SCRIPT_FIELDS} } }
`;
export const PUBLISH_REPLY_SCRIPT = gql`
  mutation PublishReplyScript($input: ReplyScriptVersionInput!) { publishReplyScript(input: $input) { ${SCRIPT_FIELDS} } }
`;
export const RETIRE_REPLY_SCRIPT = gql`
  mutation RetireReplyScript($scriptId: ID!) { retireReplyScript(scriptId: $scriptId) { ${SCRIPT_FIELDS} } }
`;

/** The script dispatch offers for a case (the reply form). */
export const OFFERED_REPLY_SCRIPT_QUERY = gql`
  query OfferedReplyScript($id: ID!) {
    case(id: $id) {
      id
      offeredReplyScript {
        scriptId
        version
        scope
        title
        text
      }
    }
  }
`;
