import { graphql } from '../../gql';

export const REPLY_SCRIPT_FIELDS = graphql(`
  fragment ReplyScriptFields on ReplyScript {
    id
    scope
    scopeLabel
    scopeKey
    title
    publishedVersion
    uses
    createdAt
    versions {
      version
      title
      text
      status
      statusLabel
      createdAt
      approvedAt
      publishedAt
      retiredAt
      uses
      lastUsedAt
    }
  }
`);

export const REPLY_SCRIPTS_QUERY = graphql(`
  query ReplyScripts($scope: ReplyScriptScope, $scopeKey: String, $offset: Int, $limit: Int) {
    replyScripts(scope: $scope, scopeKey: $scopeKey, offset: $offset, limit: $limit) {
      total
      offset
      limit
      items {
        ...ReplyScriptFields
      }
    }
  }
`);

export const CREATE_REPLY_SCRIPT = graphql(`
  mutation CreateReplyScript($input: CreateReplyScriptInput!) {
    createReplyScript(input: $input) {
      ...ReplyScriptFields
    }
  }
`);
export const REVISE_REPLY_SCRIPT = graphql(`
  mutation ReviseReplyScript($input: ReviseReplyScriptInput!) {
    reviseReplyScript(input: $input) {
      ...ReplyScriptFields
    }
  }
`);
export const APPROVE_REPLY_SCRIPT = graphql(`
  mutation ApproveReplyScript($input: ReplyScriptVersionInput!) {
    approveReplyScript(input: $input) {
      ...ReplyScriptFields
    }
  }
`);
export const PUBLISH_REPLY_SCRIPT = graphql(`
  mutation PublishReplyScript($input: ReplyScriptVersionInput!) {
    publishReplyScript(input: $input) {
      ...ReplyScriptFields
    }
  }
`);
export const RETIRE_REPLY_SCRIPT = graphql(`
  mutation RetireReplyScript($scriptId: ID!) {
    retireReplyScript(scriptId: $scriptId) {
      ...ReplyScriptFields
    }
  }
`);

/** The script dispatch offers for a case (the reply form). */
export const OFFERED_REPLY_SCRIPT_QUERY = graphql(`
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
`);
