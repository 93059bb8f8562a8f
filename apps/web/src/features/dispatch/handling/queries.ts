import { graphql } from '../../../gql';

/** Dispatch-side fields of a case, shared by the case page panels and the review lists. */
export const CASE_DISPATCH_FIELDS = graphql(`
  fragment CaseDispatchFields on Case {
    id
    externalNo
    stage
    handling {
      state
      version
      acceptedAt
      acceptedBy {
        id
        displayName
      }
      contactedAt
      contactChannel
      completedAt
      returnCount
      inboxBucket
    }
    assignment {
      leadDepartmentId
      leadDepartment {
        id
        name
      }
      assistDepartmentIds
      dispatchedAt
      deadlineAt
    }
    assistTasks {
      id
      departmentId
      department {
        id
        name
      }
      status
      assignedAt
      reportText
      reportedAt
      reportedByUser {
        id
        displayName
      }
    }
    extensions {
      id
      departmentId
      department {
        id
        name
      }
      reason
      requestedUntil
      currentDeadlineAt
      requestedAt
      status
      decidedAt
      decisionNote
      requestedByUser {
        id
        displayName
      }
      decidedByUser {
        id
        displayName
      }
    }
    assignmentHistory {
      id
      caseId
      kind
      fromDepartmentId
      fromDepartment {
        id
        name
      }
      toDepartmentId
      toDepartment {
        id
        name
      }
      assistDepartmentIds
      heldMinutes
      reasonCode
      reason
      at
      byRole
      by {
        id
        displayName
      }
    }
    replies {
      id
      departmentId
      department {
        id
        name
      }
      result
      text
      repliedAt
      scriptId
      reviewStatus
      reviewedAt
      reviewNote
      reviewedByUser {
        id
        displayName
      }
      repliedByUser {
        id
        displayName
      }
    }
  }
`);

export const CASE_HANDLING_QUERY = graphql(`
  query CaseHandling($id: ID!) {
    case(id: $id) {
      ...CaseDispatchFields
    }
  }
`);

export const ACCEPT_CASE_MUTATION = graphql(`
  mutation AcceptCase($input: CaseActionInput!) {
    acceptCase(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

/**
 * 退回. Once returned, the department no longer holds the case and may not read it: the server
 * answers NOT_FOUND for any field beyond the key (and `data: null`). So only `id` is selected;
 * the screen leaves the case (evicting it from the cache) rather than showing it again.
 */
export const RETURN_CASE_MUTATION = graphql(`
  mutation ReturnCase($input: ReturnInput!) {
    returnCase(input: $input) {
      id
    }
  }
`);

export const RECORD_CONTACT_MUTATION = graphql(`
  mutation RecordContact($input: ContactInput!) {
    recordContact(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

export const REQUEST_EXTENSION_MUTATION = graphql(`
  mutation RequestExtension($input: ExtensionRequestInput!) {
    requestExtension(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

export const REPORT_ASSIST_MUTATION = graphql(`
  mutation ReportAssist($input: AssistReportInput!) {
    reportAssist(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

export const REDISPATCH_CASE_MUTATION = graphql(`
  mutation RedispatchCase($input: RedispatchInput!) {
    redispatchCase(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

export const APPROVE_REPLY_MUTATION = graphql(`
  mutation ApproveReply($input: ApproveReplyInput!) {
    approveReply(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

export const REJECT_REPLY_MUTATION = graphql(`
  mutation RejectReply($input: RejectReplyInput!) {
    rejectReply(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

export const APPROVE_EXTENSION_MUTATION = graphql(`
  mutation ApproveExtension($input: ExtensionDecisionInput!) {
    approveExtension(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

export const REFUSE_EXTENSION_MUTATION = graphql(`
  mutation RefuseExtension($input: ExtensionDecisionInput!) {
    refuseExtension(input: $input) {
      ...CaseDispatchFields
    }
  }
`);

/** The 退回 records of a case: warns duty before dispatching it back to a department that returned it. */
export const CASE_RETURN_HISTORY_QUERY = graphql(`
  query CaseReturnHistory($id: ID!) {
    case(id: $id) {
      id
      assignmentHistory {
        id
        kind
        fromDepartmentId
        fromDepartment {
          id
          name
        }
        reasonCode
        reason
        at
      }
    }
  }
`);
