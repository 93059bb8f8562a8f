import { graphql } from '../../gql';
// Field lists are written out in each document: graphql() documents are static text for the code generator.
// Field lists are written out in each document: graphql() documents are static text for the code generator.

export const MEETINGS_QUERY = graphql(`
  query DispatchMeetings($offset: Int!, $limit: Int!) {
    dispatchMeetings(offset: $offset, limit: $limit) {
      total
      items {
        id
        title
        heldOn
        periodFrom
        periodTo
        departments {
          id
          name
        }
        taskCount
        openTaskCount
        topics {
          id
          title
        }
      }
    }
  }
`);

export const MEETING_QUERY = graphql(`
  query DispatchMeeting($id: ID!) {
    dispatchMeeting(id: $id) {
      id
      title
      heldOn
      periodFrom
      periodTo
      departments {
        id
        name
      }
      taskCount
      openTaskCount
      topics {
        id
        title
        caseIds
        clusterIds
        cases {
          case {
            id
          }
          externalNo
          title
          topic
          departmentName
          completed
          overdue
          overdueClocks
          reopened
        }
      }
      decisions {
        id
        text
        at
        tasks {
          id
          source
          sourceLabel
          sourceId
          meetingId
          decisionId
          title
          department {
            id
          }
          departmentName
          dueDate
          dueAt
          status
          overdue
          doneAt
          doneNote
          reminders {
            sharePct
            level
            levelLabel
            recipients
            fireAt
            firedAt
            skipped
          }
        }
      }
      material {
        periodFrom
        periodTo
        total
        overdueTotal
        reopenedTotal
        byDepartment {
          key
          label
          count
        }
        byTopic {
          key
          label
          count
        }
        weekly {
          weekStart
          count
        }
        topProblems {
          topic
          departmentId
          departmentName
          count
          overdue
        }
        overdueCases {
          case {
            id
          }
          externalNo
          title
          topic
          departmentName
          completed
          overdue
          overdueClocks
          reopened
        }
        reopenedCases {
          case {
            id
          }
          externalNo
          title
          topic
          departmentName
          completed
          overdue
          overdueClocks
          reopened
        }
      }
    }
  }
`);

export const SCHEDULE_MEETING = graphql(`
  mutation ScheduleDispatchMeeting($input: ScheduleDispatchMeetingInput!) {
    scheduleDispatchMeeting(input: $input) {
      id
    }
  }
`);

export const RECORD_DECISION = graphql(`
  mutation RecordDispatchMeetingDecision($input: DispatchMeetingDecisionInput!) {
    recordDispatchMeetingDecision(input: $input) {
      id
      taskCount
      openTaskCount
    }
  }
`);

export const TRACKED_TASKS_QUERY = graphql(`
  query TrackedTasks($status: String, $source: String, $overdueOnly: Boolean!, $offset: Int!, $limit: Int!) {
    trackedTasks(status: $status, source: $source, overdueOnly: $overdueOnly, offset: $offset, limit: $limit) {
      total
      items {
        id
        source
        sourceLabel
        sourceId
        meetingId
        decisionId
        title
        department {
          id
        }
        departmentName
        dueDate
        dueAt
        status
        overdue
        doneAt
        doneNote
        reminders {
          sharePct
          level
          levelLabel
          recipients
          fireAt
          firedAt
          skipped
        }
      }
    }
  }
`);

export const COMPLETE_TRACKED_TASK = graphql(`
  mutation CompleteTrackedTask($input: CompleteTrackedTaskInput!) {
    completeTrackedTask(input: $input) {
      id
      status
      doneAt
      doneNote
    }
  }
`);

export const WORKING_DAYS_QUERY = graphql(`
  query MeetingWorkingCalendar($year: Int!) {
    workingCalendar(year: $year) {
      date
      working
    }
  }
`);
