import { gql } from '@apollo/client';

export const TOPICS_QUERY = gql`
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
`;

export const UPSERT_TOPIC_MUTATION = gql`
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
`;

const RULE_FIELDS = `
  simpleRequestTypes
  difficultTopics
  difficultRepeatCount
  difficultClusterSize
  urgentKeywords
  timelyKeywords
  repeatWindowDays
  textSimilarityThreshold
`;

export const INTAKE_RULES_QUERY = gql`
  query IntakeRules {
    intakeRules {
      ${RULE_FIELDS}
    }
  }
`;

export const UPDATE_INTAKE_RULES_MUTATION = gql`
  mutation UpdateIntakeRules($input: IntakeRulesInput!) {
    updateIntakeRules(input: $input) {
      ${RULE_FIELDS}
    }
  }
`;

export const RECLASSIFY_CASE_MUTATION = gql`
  mutation ReclassifyCase($input: ReclassifyInput!) {
    reclassifyCase(input: $input) {
      id
      requestType
      topic
      tier
      urgency
    }
  }
`;

const OPEN311_KEY_FIELDS = `
  id
  name
  keyPrefix
  createdAt
  revokedAt
  lastUsedAt
`;

export const OPEN311_KEYS_QUERY = gql`
  query Open311Keys {
    open311Keys {
      ${OPEN311_KEY_FIELDS}
    }
  }
`;

export const CREATE_OPEN311_KEY_MUTATION = gql`
  mutation CreateOpen311Key($name: String!) {
    createOpen311Key(name: $name) {
      key
      record {
        ${OPEN311_KEY_FIELDS}
      }
    }
  }
`;

export const REVOKE_OPEN311_KEY_MUTATION = gql`
  mutation RevokeOpen311Key($id: ID!) {
    revokeOpen311Key(id: $id) {
      ${OPEN311_KEY_FIELDS}
    }
  }
`;

const FEEDBACK_FIELDS = `
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
`;

export const FEEDBACK_RECORDS_QUERY = gql`
  query FeedbackRecords($state: FeedbackState, $limit: Int!) {
    feedbackRecords(state: $state, limit: $limit) {
      ${FEEDBACK_FIELDS}
    }
  }
`;

export const RETRY_FEEDBACK_MUTATION = gql`
  mutation RetryFeedback($id: ID!) {
    retryFeedback(id: $id) {
      ${FEEDBACK_FIELDS}
    }
  }
`;

export const MARK_FEEDBACK_UPLOADED_MUTATION = gql`
  mutation MarkFeedbackUploaded($ids: [ID!]!) {
    markFeedbackUploaded(ids: $ids) {
      ${FEEDBACK_FIELDS}
    }
  }
`;

export const EXPORT_FEEDBACK_MUTATION = gql`
  mutation ExportFeedback {
    exportFeedback {
      fileName
      content
      count
    }
  }
`;

export const FEEDBACK_WEBHOOK_QUERY = gql`
  query FeedbackWebhook {
    feedbackWebhook {
      url
      source
    }
  }
`;

export const FEEDBACK_AUTOMATIC_QUERY = gql`
  query FeedbackDeliveryAutomatic {
    feedbackDeliveryAutomatic
  }
`;

export const REMOVE_FEEDBACK_WEBHOOK_MUTATION = gql`
  mutation RemoveFeedbackWebhook {
    removeFeedbackWebhook {
      url
      source
    }
  }
`;

export const CONFIGURE_FEEDBACK_WEBHOOK_MUTATION = gql`
  mutation ConfigureFeedbackWebhook($url: String!, $secret: String!) {
    configureFeedbackWebhook(url: $url, secret: $secret) {
      url
      source
    }
  }
`;
