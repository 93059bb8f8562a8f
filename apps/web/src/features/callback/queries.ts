import { gql } from '@apollo/client';

export const TASK_FIELDS = gql`
  fragment CallbackTaskFields on CallbackTask {
    id
    externalNo
    topic
    round
    status
    dueAt
    completedAt
    attempts
    nextAttemptAt
    heldByMe
    assignee { id displayName }
    department { id name }
    attemptLog { attempt outcome note at nextAttemptAt by { id displayName } }
    result { round reached resolved satisfaction notes recordedAt }
    official { round reached resolved satisfaction calledAt }
  }
`;

/** 待回访: one page of the queue (the server orders by due time and pages). */
export const CALLBACK_QUEUE_QUERY = gql`
  query CallbackQueue($view: CallbackQueueView!, $page: Int!, $pageSize: Int!, $externalNo: String) {
    callbackQueue(view: $view, page: $page, pageSize: $pageSize, externalNo: $externalNo) {
      total
      items {
        ...CallbackTaskFields
        case { id title citizenName citizenPhone }
      }
    }
  }
  ${TASK_FIELDS}
`;

export const ASSIGN_TASK_MUTATION = gql`
  mutation AssignCallbackTask($taskId: ID!, $agentId: ID) {
    assignCallbackTask(taskId: $taskId, agentId: $agentId) { ...CallbackTaskFields }
  }
  ${TASK_FIELDS}
`;

export const RECORD_ATTEMPT_MUTATION = gql`
  mutation RecordCallbackAttempt($input: CallbackAttemptInput!) {
    recordCallbackAttempt(input: $input) { ...CallbackTaskFields }
  }
  ${TASK_FIELDS}
`;

export const RECORD_RESULT_MUTATION = gql`
  mutation RecordCallbackResult($input: CallbackResultInput!) {
    recordCallbackResult(input: $input) { ...CallbackTaskFields }
  }
  ${TASK_FIELDS}
`;

export const REVEAL_PHONE_MUTATION = gql`
  mutation RevealForCallback($caseId: ID!, $reason: String!) {
    revealCitizen(caseId: $caseId, reason: $reason) { name phone }
  }
`;

/** The case page's 回访 and 二次督办 panel. */
export const CASE_CALLBACKS_QUERY = gql`
  query CaseCallbacks($id: ID!) {
    case(id: $id) {
      id
      handlingRound
      callbacks { ...CallbackTaskFields }
      supervisions { id round status outcome trigger reason dueAt openedAt closedAt openedBy { id displayName } }
    }
  }
  ${TASK_FIELDS}
`;

export const SECOND_SUPERVISIONS_QUERY = gql`
  query SecondSupervisions($status: String, $page: Int!, $pageSize: Int!) {
    secondSupervisions(status: $status, page: $page, pageSize: $pageSize) {
      total
      items { id externalNo round status outcome trigger reason dueAt openedAt closedAt department { id name } case { id title } }
    }
  }
`;

export const OPEN_SECOND_ROUND_MUTATION = gql`
  mutation OpenSecondRound($caseId: ID!, $explanation: String!) {
    openSecondRound(caseId: $caseId, explanation: $explanation) { id round status }
  }
`;

export const IMPORT_OFFICIAL_MUTATION = gql`
  mutation ImportOfficialCallbacks($fileName: String!, $contentBase64: String!) {
    importOfficialCallbacks(fileName: $fileName, contentBase64: $contentBase64) {
      rows created unchanged updated errors { row externalNo message }
    }
  }
`;

const RATE_FIELDS = `counts { cases excluded assessed responded answered pending resolved satisfied basicallySatisfied dissatisfied }
  responseRate resolutionRate satisfactionRate score`;

/** 加分 of a period: the rule, the items and the combined score with them. */
const BONUS_FIELDS = `bonus { rule { scorePerPoint cap } points score capped combinedScore items { entryId kind kindLabel points department { id name } awardedAt } }`;

export const THREE_RATES_QUERY = gql`
  query ThreeRates($period: String!, $departmentId: ID, $topic: String) {
    threeRates(period: $period, departmentId: $departmentId, topic: $topic) {
      period from to closed
      policy { id effectiveFrom version isDefault note basicFactor weights { response resolution satisfaction } periodKind cutoffDay }
      ${RATE_FIELDS}
      byDepartment { departmentId department { id name } ${RATE_FIELDS} }
      byTopic { topic ${RATE_FIELDS} }
      ${BONUS_FIELDS}
    }
  }
`;



/** 本月预测: the period so far and its what-if. */
export const THREE_RATES_OUTLOOK_QUERY = gql`
  query ThreeRatesOutlook($period: String) {
    threeRatesOutlook(period: $period) {
      period asOf
      current { ${RATE_FIELDS} }
      history { periods assessed answerShare resolvedShare satisfiedShare basicShare dissatisfiedShare }
      projection { expectedAnswers answered resolved satisfied basicallySatisfied dissatisfied responseRate resolutionRate satisfactionRate score combinedScore }
      ${BONUS_FIELDS}
    }
  }
`;

export const SCORING_POLICIES_QUERY = gql`
  query ScoringPolicies {
    scoringPolicies {
      id effectiveFrom version isDefault note createdAt responseClocks contactHours basicFactor
      weights { response resolution satisfaction } periodKind cutoffDay resultSource resultRound
      bonus { scorePerPoint cap }
    }
  }
`;

export const SAVE_SCORING_POLICY_MUTATION = gql`
  mutation SaveScoringPolicy($input: ScoringPolicyInput!) {
    saveScoringPolicy(input: $input) { id effectiveFrom version }
  }
`;

/** 回访员 a supervisor may assign a task to (identity). */
export const CALLBACK_AGENTS_QUERY = gql`
  query CallbackAgents {
    callbackAgents { id displayName username }
  }
`;
