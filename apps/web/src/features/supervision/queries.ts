import { gql } from '@apollo/client';

const CLOCK_FIELDS = gql`
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
`;

/** 督办队列: at risk (warned) or overdue, paged on the server. */
export const CLOCK_QUEUE_QUERY = gql`
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
  ${CLOCK_FIELDS}
`;

/** Every clock and every 催办 of one case (the case page). */
export const CASE_CLOCKS_QUERY = gql`
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
  ${CLOCK_FIELDS}
`;

export const URGE_CASE_MUTATION = gql`
  mutation UrgeCase($input: UrgeCaseInput!) {
    urgeCase(input: $input) {
      id
      level
    }
  }
`;

export const WORKING_CALENDAR_QUERY = gql`
  query WorkingCalendar($year: Int!) {
    workingCalendar(year: $year) {
      date
      working
      kind
      name
    }
  }
`;

export const CALENDAR_YEARS_QUERY = gql`
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
`;

export const LOAD_CALENDAR_YEAR_MUTATION = gql`
  mutation LoadCalendarYear($input: LoadCalendarYearInput!) {
    loadCalendarYear(input: $input) {
      year
      replanned
    }
  }
`;

const DEFINITION_FIELDS = gql`
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
`;

export const CLOCK_DEFINITIONS_QUERY = gql`
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
  ${DEFINITION_FIELDS}
`;

export const SAVE_CLOCK_DEFINITION_MUTATION = gql`
  mutation SaveClockDefinition($input: ClockDefinitionInput!) {
    saveClockDefinition(input: $input) {
      ...ClockDefinitionFields
    }
  }
  ${DEFINITION_FIELDS}
`;
