import { graphql } from '../../gql';

export const TASK_FIELDS = graphql(`
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
    assignee {
      id
      displayName
    }
    department {
      id
      name
    }
    attemptLog {
      attempt
      outcome
      note
      at
      nextAttemptAt
      by {
        id
        displayName
      }
    }
    result {
      round
      reached
      resolved
      satisfaction
      notes
      recordedAt
    }
    official {
      round
      reached
      resolved
      satisfaction
      calledAt
    }
  }
`);

/** 待回访: one page of the queue (the server orders by due time and pages). */
export const CALLBACK_QUEUE_QUERY = graphql(`
  query CallbackQueue($view: CallbackQueueView!, $page: Int!, $pageSize: Int!, $externalNo: String) {
    callbackQueue(view: $view, page: $page, pageSize: $pageSize, externalNo: $externalNo) {
      total
      items {
        ...CallbackTaskFields
        case {
          id
          title
          citizenName
          citizenPhone
        }
      }
    }
  }
`);

export const ASSIGN_TASK_MUTATION = graphql(`
  mutation AssignCallbackTask($taskId: ID!, $agentId: ID) {
    assignCallbackTask(taskId: $taskId, agentId: $agentId) {
      ...CallbackTaskFields
    }
  }
`);

export const RECORD_ATTEMPT_MUTATION = graphql(`
  mutation RecordCallbackAttempt($input: CallbackAttemptInput!) {
    recordCallbackAttempt(input: $input) {
      ...CallbackTaskFields
    }
  }
`);

export const RECORD_RESULT_MUTATION = graphql(`
  mutation RecordCallbackResult($input: CallbackResultInput!) {
    recordCallbackResult(input: $input) {
      ...CallbackTaskFields
    }
  }
`);

export const REVEAL_PHONE_MUTATION = graphql(`
  mutation RevealForCallback($caseId: ID!, $reason: String!) {
    revealCitizen(caseId: $caseId, reason: $reason) {
      name
      phone
    }
  }
`);

/** The case page's 回访 and 二次督办 panel. */
export const CASE_CALLBACKS_QUERY = graphql(`
  query CaseCallbacks($id: ID!) {
    case(id: $id) {
      id
      handlingRound
      callbacks {
        ...CallbackTaskFields
      }
      supervisions {
        id
        round
        status
        outcome
        trigger
        reason
        dueAt
        openedAt
        closedAt
        openedBy {
          id
          displayName
        }
      }
    }
  }
`);

export const SECOND_SUPERVISIONS_QUERY = graphql(`
  query SecondSupervisions($status: String, $page: Int!, $pageSize: Int!) {
    secondSupervisions(status: $status, page: $page, pageSize: $pageSize) {
      total
      items {
        id
        externalNo
        round
        status
        outcome
        trigger
        reason
        dueAt
        openedAt
        closedAt
        department {
          id
          name
        }
        case {
          id
          title
        }
      }
    }
  }
`);

export const OPEN_SECOND_ROUND_MUTATION = graphql(`
  mutation OpenSecondRound($caseId: ID!, $explanation: String!) {
    openSecondRound(caseId: $caseId, explanation: $explanation) {
      id
      round
      status
    }
  }
`);

export const IMPORT_OFFICIAL_MUTATION = graphql(`
  mutation ImportOfficialCallbacks($fileName: String!, $contentBase64: String!) {
    importOfficialCallbacks(fileName: $fileName, contentBase64: $contentBase64) {
      rows
      created
      unchanged
      updated
      errors {
        row
        externalNo
        message
      }
    }
  }
`);

// The rate and 加分 (the rule, the items, the combined score) fields are written out in each document: graphql() documents are static text
// for the code generator.
export const THREE_RATES_QUERY = graphql(`
  query ThreeRates($period: String!, $departmentId: ID, $topic: String) {
    threeRates(period: $period, departmentId: $departmentId, topic: $topic) {
      period
      from
      to
      closed
      policy {
        id
        effectiveFrom
        version
        isDefault
        note
        basicFactor
        weights {
          response
          resolution
          satisfaction
        }
        periodKind
        cutoffDay
      }
      counts {
        cases
        excluded
        assessed
        responded
        answered
        pending
        resolved
        satisfied
        basicallySatisfied
        dissatisfied
      }
      responseRate
      resolutionRate
      satisfactionRate
      score
      byDepartment {
        departmentId
        department {
          id
          name
        }
        counts {
          cases
          excluded
          assessed
          responded
          answered
          pending
          resolved
          satisfied
          basicallySatisfied
          dissatisfied
        }
        responseRate
        resolutionRate
        satisfactionRate
        score
      }
      byTopic {
        topic
        counts {
          cases
          excluded
          assessed
          responded
          answered
          pending
          resolved
          satisfied
          basicallySatisfied
          dissatisfied
        }
        responseRate
        resolutionRate
        satisfactionRate
        score
      }
      bonus {
        rule {
          scorePerPoint
          cap
        }
        points
        score
        capped
        combinedScore
        items {
          entryId
          kind
          kindLabel
          points
          department {
            id
            name
          }
          awardedAt
        }
      }
    }
  }
`);

/** 本月预测: the period so far and its what-if. */
export const THREE_RATES_OUTLOOK_QUERY = graphql(`
  query ThreeRatesOutlook($period: String) {
    threeRatesOutlook(period: $period) {
      period
      asOf
      current {
        counts {
          cases
          excluded
          assessed
          responded
          answered
          pending
          resolved
          satisfied
          basicallySatisfied
          dissatisfied
        }
        responseRate
        resolutionRate
        satisfactionRate
        score
      }
      history {
        periods
        assessed
        answerShare
        resolvedShare
        satisfiedShare
        basicShare
        dissatisfiedShare
      }
      projection {
        expectedAnswers
        answered
        resolved
        satisfied
        basicallySatisfied
        dissatisfied
        responseRate
        resolutionRate
        satisfactionRate
        score
        combinedScore
      }
      bonus {
        rule {
          scorePerPoint
          cap
        }
        points
        score
        capped
        combinedScore
        items {
          entryId
          kind
          kindLabel
          points
          department {
            id
            name
          }
          awardedAt
        }
      }
    }
  }
`);

export const SCORING_POLICIES_QUERY = graphql(`
  query ScoringPolicies {
    scoringPolicies {
      id
      effectiveFrom
      version
      isDefault
      note
      createdAt
      responseClocks
      contactHours
      basicFactor
      weights {
        response
        resolution
        satisfaction
      }
      periodKind
      cutoffDay
      resultSource
      resultRound
      bonus {
        scorePerPoint
        cap
      }
    }
  }
`);

export const SAVE_SCORING_POLICY_MUTATION = graphql(`
  mutation SaveScoringPolicy($input: ScoringPolicyInput!) {
    saveScoringPolicy(input: $input) {
      id
      effectiveFrom
      version
    }
  }
`);

/** 回访员 a supervisor may assign a task to (identity). */
export const CALLBACK_AGENTS_QUERY = graphql(`
  query CallbackAgents {
    callbackAgents {
      id
      displayName
      username
    }
  }
`);
