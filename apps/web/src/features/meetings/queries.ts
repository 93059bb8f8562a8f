import { gql } from '@apollo/client';

const TASK = `id source sourceLabel sourceId meetingId decisionId title department { id } departmentName dueDate dueAt status overdue doneAt doneNote
  reminders { sharePct level levelLabel recipients fireAt firedAt skipped }`;
const CASE = 'case { id } externalNo title topic departmentName completed overdue overdueClocks reopened';

export const MEETINGS_QUERY = gql`
  query DispatchMeetings($offset: Int!, $limit: Int!) {
    dispatchMeetings(offset: $offset, limit: $limit) {
      total
      items { id title heldOn periodFrom periodTo departments { id name } taskCount openTaskCount topics { id title } }
    }
  }
`;

export const MEETING_QUERY = gql`
  query DispatchMeeting($id: ID!) {
    dispatchMeeting(id: $id) {
      id title heldOn periodFrom periodTo departments { id name } taskCount openTaskCount
      topics { id title caseIds clusterIds cases { ${CASE} } }
      decisions { id text at tasks { ${TASK} } }
      material {
        periodFrom periodTo total overdueTotal reopenedTotal
        byDepartment { key label count } byTopic { key label count } weekly { weekStart count }
        topProblems { topic departmentId departmentName count overdue }
        overdueCases { ${CASE} } reopenedCases { ${CASE} }
      }
    }
  }
`;

export const SCHEDULE_MEETING = gql`
  mutation ScheduleDispatchMeeting($input: ScheduleDispatchMeetingInput!) {
    scheduleDispatchMeeting(input: $input) { id }
  }
`;

export const RECORD_DECISION = gql`
  mutation RecordDispatchMeetingDecision($input: DispatchMeetingDecisionInput!) {
    recordDispatchMeetingDecision(input: $input) { id taskCount openTaskCount }
  }
`;

export const TRACKED_TASKS_QUERY = gql`
  query TrackedTasks($status: String, $source: String, $overdueOnly: Boolean!, $offset: Int!, $limit: Int!) {
    trackedTasks(status: $status, source: $source, overdueOnly: $overdueOnly, offset: $offset, limit: $limit) {
      total
      items { ${TASK} }
    }
  }
`;

export const COMPLETE_TRACKED_TASK = gql`
  mutation CompleteTrackedTask($input: CompleteTrackedTaskInput!) {
    completeTrackedTask(input: $input) { id status doneAt doneNote }
  }
`;

export const WORKING_DAYS_QUERY = gql`
  query MeetingWorkingCalendar($year: Int!) {
    workingCalendar(year: $year) { date working }
  }
`;
