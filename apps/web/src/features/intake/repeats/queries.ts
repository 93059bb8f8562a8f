import { graphql } from '../../../gql';

export const UNSIGNED_SUMMARY_QUERY = graphql(`
  query UnsignedSummary {
    unsignedSummary {
      count
      oldestReceivedAt
      oldestWaitMinutes
    }
  }
`);

export const REPEAT_CANDIDATES_QUERY = graphql(`
  query RepeatCandidates($id: ID!) {
    case(id: $id) {
      id
      externalNo
      masterCaseId
      linkKind
      repeatCandidates {
        score
        reasons
        case {
          id
          externalNo
          title
          topic
          projectName
          stage
          receivedAt
          replyResult
          completedAt
        }
      }
    }
  }
`);

export const LINK_CASE_MUTATION = graphql(`
  mutation LinkCase($input: LinkCaseInput!) {
    linkCase(input: $input) {
      id
      stage
      masterCaseId
      linkKind
      linkScore
    }
  }
`);

/** The intake fields of a case shown on the case page (times, flags, place, repeats, feedback). */
export const CASE_INTAKE_QUERY = graphql(`
  query CaseIntakeDetail($id: ID!) {
    case(id: $id) {
      id
      externalNo
      stage
      anonymous
      confidential
      districtDispatchedAt
      firstContactAt
      completedAt
      replyResult
      community
      latitude
      longitude
      attachments {
        id
        name
        url
        contentType
        size
      }
      repeatCount
      clusterCount
      masterCaseId
      linkKind
      linkScore
      linkedCases {
        id
        externalNo
        title
        stage
        receivedAt
        linkKind
        linkScore
      }
      feedback {
        id
        state
        result
        replyText
        departmentName
        repliedAt
        attempts
        lastError
        deliveredAt
        nextAttemptAt
        attemptLog {
          id
          attempt
          statusCode
          error
          at
          durationMs
        }
      }
    }
  }
`);
