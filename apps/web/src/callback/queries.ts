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

export const THREE_RATES_QUERY = gql`
  query ThreeRates($period: String!, $departmentId: ID, $topic: String) {
    threeRates(period: $period, departmentId: $departmentId, topic: $topic) {
      period from to closed
      policy { id effectiveFrom version isDefault note basicFactor weights { response resolution satisfaction } periodKind cutoffDay }
      ${RATE_FIELDS}
      byDepartment { departmentId department { id name } ${RATE_FIELDS} }
      byTopic { topic ${RATE_FIELDS} }
    }
  }
`;
