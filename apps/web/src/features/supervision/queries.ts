import { graphql } from '../../gql';

export const CLOCK_FIELDS = graphql(`
  fragment CaseClockFields on CaseClock {
    id
    kind
    kindLabel
    state
    definitionKey
    definitionVersion
    measure
    targetMinutes
    startedAt
    dueAt
    pausedAt
    pausedMinutes
    shareUsed
    warnedAt
    warnedShare
    breachedAt
    stoppedAt
    outcome
    blockedReason
    department {
      id
      name
    }
  }
`);

/** 督办队列: at risk (warned) or overdue, paged on the server. */
export const CLOCK_QUEUE_QUERY = graphql(`
  query ClockQueue($filter: ClockQueueFilter!, $departmentId: ID, $kind: String, $offset: Int!, $limit: Int!) {
    clockQueue(filter: $filter, departmentId: $departmentId, kind: $kind, offset: $offset, limit: $limit) {
      total
      items {
        externalNo
        title
        urgeCount
        case {
          id
        }
        clock {
          ...CaseClockFields
        }
      }
    }
  }
`);

/** Every clock and every 催办 of one case (the case page). */
export const CASE_CLOCKS_QUERY = graphql(`
  query CaseClocks($id: ID!) {
    case(id: $id) {
      id
      clocks {
        ...CaseClockFields
      }
      urges {
        id
        level
        levelLabel
        recipients
        clockKind
        note
        at
        department {
          id
          name
        }
        by {
          id
          displayName
        }
      }
    }
  }
`);

export const URGE_CASE_MUTATION = graphql(`
  mutation UrgeCase($input: UrgeCaseInput!) {
    urgeCase(input: $input) {
      id
      level
    }
  }
`);

export const WORKING_CALENDAR_QUERY = graphql(`
  query WorkingCalendar($year: Int!) {
    workingCalendar(year: $year) {
      date
      working
      kind
      name
    }
  }
`);

export const CALENDAR_YEARS_QUERY = graphql(`
  query CalendarYears {
    calendarYears {
      year
      source
      loadedAt
      loadedBy
      note
      holidays
      swappedWorkdays
    }
  }
`);

export const LOAD_CALENDAR_YEAR_MUTATION = graphql(`
  mutation LoadCalendarYear($input: LoadCalendarYearInput!) {
    loadCalendarYear(input: $input) {
      year
      replanned
    }
  }
`);

export const DEFINITION_FIELDS = graphql(`
  fragment ClockDefinitionFields on ClockDefinition {
    id
    key
    version
    kind
    name
    selector {
      requestTypes
      urgencies
      tiers
      topics
    }
    targetUnit
    targetAmount
    triggers {
      startOn
      pauseOn
      resumeOn
      stopOn
      cancelOn
      resetOn
    }
    warnShares
    priority
    deadlineFromEvent
    active
    note
    createdAt
    createdBy
  }
`);

export const CLOCK_DEFINITIONS_QUERY = graphql(`
  query ClockDefinitions {
    clockDefinitions {
      ...ClockDefinitionFields
    }
    clockTriggerEvents {
      type
      label
    }
    urgeLadder {
      id
      name
      clockKinds
      sharePct
      level
      recipients
      active
    }
  }
`);

export const SAVE_CLOCK_DEFINITION_MUTATION = graphql(`
  mutation SaveClockDefinition($input: ClockDefinitionInput!) {
    saveClockDefinition(input: $input) {
      ...ClockDefinitionFields
    }
  }
`);
