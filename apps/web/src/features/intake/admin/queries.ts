import { graphql } from '../../../gql';

export const TOPICS_QUERY = graphql(`
  query Topics {
    topics {
      code
      name
      parentCode
      sort
      active
      description
    }
  }
`);

export const UPSERT_TOPIC_MUTATION = graphql(`
  mutation UpsertTopic($input: TopicInput!) {
    upsertTopic(input: $input) {
      code
      name
      parentCode
      sort
      active
      description
    }
  }
`);

export const RULE_FIELDS = graphql(`
  fragment IntakeRulesFields on IntakeRules {
    simpleRequestTypes
    difficultTopics
    difficultRepeatCount
    difficultClusterSize
    urgentKeywords
    timelyKeywords
    repeatWindowDays
    textSimilarityThreshold
  }
`);

export const INTAKE_RULES_QUERY = graphql(`
  query IntakeRules {
    intakeRules {
      ...IntakeRulesFields
    }
  }
`);

export const UPDATE_INTAKE_RULES_MUTATION = graphql(`
  mutation UpdateIntakeRules($input: IntakeRulesInput!) {
    updateIntakeRules(input: $input) {
      ...IntakeRulesFields
    }
  }
`);

export const RECLASSIFY_CASE_MUTATION = graphql(`
  mutation ReclassifyCase($input: ReclassifyInput!) {
    reclassifyCase(input: $input) {
      id
      requestType
      topic
      tier
      urgency
    }
  }
`);

export const OPEN311_KEY_FIELDS = graphql(`
  fragment Open311KeyFields on Open311Key {
    id
    name
    keyPrefix
    createdAt
    revokedAt
    lastUsedAt
  }
`);

export const OPEN311_KEYS_QUERY = graphql(`
  query Open311Keys {
    open311Keys {
      ...Open311KeyFields
    }
  }
`);

export const CREATE_OPEN311_KEY_MUTATION = graphql(`
  mutation CreateOpen311Key($name: String!) {
    createOpen311Key(name: $name) {
      key
      record {
        ...Open311KeyFields
      }
    }
  }
`);

export const REVOKE_OPEN311_KEY_MUTATION = graphql(`
  mutation RevokeOpen311Key($id: ID!) {
    revokeOpen311Key(id: $id) {
      ...Open311KeyFields
    }
  }
`);

export const FEEDBACK_FIELDS = graphql(`
  fragment FeedbackRecordFields on FeedbackRecord {
    id
    caseId
    externalNo
    masterCaseId
    result
    replySummary
    replyText
    departmentName
    repliedAt
    receivedAt
    completedAt
    state
    attempts
    nextAttemptAt
    lastError
    deliveredAt
    createdAt
    attemptLog {
      id
      attempt
      at
      statusCode
      error
      durationMs
    }
  }
`);

export const FEEDBACK_RECORDS_QUERY = graphql(`
  query FeedbackRecords($state: FeedbackState, $limit: Int!) {
    feedbackRecords(state: $state, limit: $limit) {
      ...FeedbackRecordFields
    }
  }
`);

export const RETRY_FEEDBACK_MUTATION = graphql(`
  mutation RetryFeedback($id: ID!) {
    retryFeedback(id: $id) {
      ...FeedbackRecordFields
    }
  }
`);

export const MARK_FEEDBACK_UPLOADED_MUTATION = graphql(`
  mutation MarkFeedbackUploaded($ids: [ID!]!) {
    markFeedbackUploaded(ids: $ids) {
      ...FeedbackRecordFields
    }
  }
`);

export const EXPORT_FEEDBACK_MUTATION = graphql(`
  mutation ExportFeedback {
    exportFeedback {
      fileName
      content
      count
    }
  }
`);

export const FEEDBACK_WEBHOOK_QUERY = graphql(`
  query FeedbackWebhook {
    feedbackWebhook {
      url
      source
    }
  }
`);

export const FEEDBACK_AUTOMATIC_QUERY = graphql(`
  query FeedbackDeliveryAutomatic {
    feedbackDeliveryAutomatic
  }
`);

export const REMOVE_FEEDBACK_WEBHOOK_MUTATION = graphql(`
  mutation RemoveFeedbackWebhook {
    removeFeedbackWebhook {
      url
      source
    }
  }
`);

export const CONFIGURE_FEEDBACK_WEBHOOK_MUTATION = graphql(`
  mutation ConfigureFeedbackWebhook($url: String!, $secret: String!) {
    configureFeedbackWebhook(url: $url, secret: $secret) {
      url
      source
    }
  }
`);
