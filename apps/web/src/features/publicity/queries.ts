import { graphql } from '../../gql';

export const TYPICAL_FIELDS = graphql(`
  fragment TypicalCaseFields on TypicalCase {
    id
    title
    stage
    stageLabel
    stageDueAt
    nominatedAt
    submittedAt
    closedAt
    version
    reason
    draftText
    reviewNote
    refusalReason
    missing
    case {
      id
      externalNo
      title
    }
    materials {
      id
      name
      url
      contentType
      size
      uploadedAt
    }
    history {
      id
      action
      at
      note
      actor {
        id
        displayName
      }
    }
  }
`);

export const TYPICAL_BOARD_QUERY = graphql(`
  query TypicalCaseBoard($limit: Int!) {
    typicalCaseBoard {
      stage
      label
      count
      overdue
    }
    drafting: typicalCases(stage: "drafting", limit: $limit) {
      total
      items {
        id
        title
        stage
        stageDueAt
        version
        case {
          id
          externalNo
        }
      }
    }
    reviewing: typicalCases(stage: "reviewing", limit: $limit) {
      total
      items {
        id
        title
        stage
        stageDueAt
        version
        case {
          id
          externalNo
        }
      }
    }
    approved: typicalCases(stage: "approved", limit: $limit) {
      total
      items {
        id
        title
        stage
        stageDueAt
        version
        case {
          id
          externalNo
        }
      }
    }
    submitted: typicalCases(stage: "submitted", limit: $limit) {
      total
      items {
        id
        title
        stage
        stageDueAt
        version
        case {
          id
          externalNo
        }
      }
    }
    awarded: typicalCases(stage: "awarded", limit: $limit) {
      total
      items {
        id
        title
        stage
        stageDueAt
        version
        case {
          id
          externalNo
        }
      }
    }
    rejected: typicalCases(stage: "rejected", limit: $limit) {
      total
      items {
        id
        title
        stage
        stageDueAt
        version
        case {
          id
          externalNo
        }
      }
    }
  }
`);

export const TYPICAL_CASE_QUERY = graphql(`
  query TypicalCase($id: ID!) {
    typicalCase(id: $id) {
      ...TypicalCaseFields
    }
  }
`);

export const NOMINATE = graphql(`
  mutation NominateTypicalCase($i: NominateTypicalCaseInput!) {
    nominateTypicalCase(input: $i) {
      id
      stage
    }
  }
`);
export const SAVE_DRAFT = graphql(`
  mutation SaveTypicalCaseDraft($i: TypicalCaseDraftInput!) {
    saveTypicalCaseDraft(input: $i) {
      ...TypicalCaseFields
    }
  }
`);
export const SEND_FOR_REVIEW = graphql(`
  mutation SendTypicalCaseForReview($i: TypicalCaseRefInput!) {
    sendTypicalCaseForReview(input: $i) {
      ...TypicalCaseFields
    }
  }
`);
export const REVIEW = graphql(`
  mutation ReviewTypicalCase($i: TypicalCaseReviewInput!) {
    reviewTypicalCase(input: $i) {
      ...TypicalCaseFields
    }
  }
`);
export const SUBMIT = graphql(`
  mutation SubmitTypicalCase($i: TypicalCaseRefInput!) {
    submitTypicalCase(input: $i) {
      ...TypicalCaseFields
    }
  }
`);
export const REJECT = graphql(`
  mutation RejectTypicalCase($i: TypicalCaseRejectInput!) {
    rejectTypicalCase(input: $i) {
      ...TypicalCaseFields
    }
  }
`);
export const AWARD = graphql(`
  mutation AwardPublicityPoints($i: AwardPublicityPointsInput!) {
    awardPublicityPoints(input: $i) {
      id
      month
      points
    }
  }
`);

export const EPISODES_QUERY = graphql(`
  query Episodes($offset: Int!, $limit: Int!) {
    episodes(offset: $offset, limit: $limit) {
      total
      items {
        id
        topic
        airDate
        status
        statusLabel
        summary
        version
        departments {
          id
          name
        }
        cases {
          id
          externalNo
          title
        }
        tasks {
          id
          phase
          phaseLabel
          title
          dueAt
          doneAt
          department {
            id
            name
          }
        }
      }
    }
  }
`);
export const SCHEDULE_EPISODE = graphql(`
  mutation ScheduleEpisode($i: ScheduleEpisodeInput!) {
    scheduleEpisode(input: $i) {
      id
    }
  }
`);
export const SET_EPISODE_STATUS = graphql(`
  mutation SetEpisodeStatus($id: ID!, $status: String!, $v: Int) {
    setEpisodeStatus(id: $id, status: $status, expectedVersion: $v) {
      id
      status
      statusLabel
      version
    }
  }
`);
export const COMPLETE_TASK = graphql(`
  mutation CompletePublicityTask($id: ID!, $note: String) {
    completePublicityTask(taskId: $id, note: $note) {
      id
      doneAt
    }
  }
`);
export const TASKS_QUERY = graphql(`
  query PublicityTasks($open: Boolean!, $offset: Int!, $limit: Int!) {
    publicityTasks(open: $open, offset: $offset, limit: $limit) {
      total
      items {
        id
        itemId
        phase
        phaseLabel
        title
        dueAt
        doneAt
        doneNote
        department {
          id
          name
        }
      }
    }
  }
`);

export const ARTICLES_QUERY = graphql(`
  query ColumnArticles($offset: Int!, $limit: Int!) {
    columnArticles(offset: $offset, limit: $limit) {
      total
      items {
        id
        title
        outlet
        publishDate
        url
        status
        statusLabel
        version
        cases {
          id
          externalNo
          title
        }
      }
    }
  }
`);
export const SAVE_ARTICLE = graphql(`
  mutation SaveColumnArticle($i: SaveColumnArticleInput!) {
    saveColumnArticle(input: $i) {
      id
      status
    }
  }
`);

export const LEDGER_QUERY = graphql(`
  query BonusLedger($month: String!, $offset: Int!, $limit: Int!, $from: String!) {
    bonusLedger(month: $month, offset: $offset, limit: $limit) {
      month
      total
      points
      items {
        id
        month
        itemKind
        kindLabel
        title
        points
        evidence
        awardedByName
        awardedAt
        department {
          id
          name
        }
      }
    }
    bonusMonthTotals(from: $from, to: $month) {
      month
      points
      count
    }
  }
`);
export const EXPORT_LEDGER = graphql(`
  query ExportBonusLedger($month: String!) {
    exportBonusLedger(month: $month) {
      fileName
      contentType
      base64
    }
  }
`);

export const CASE_PUBLICITY_QUERY = graphql(`
  query CasePublicity($id: ID!) {
    case(id: $id) {
      id
      publicity {
        kind
        kindLabel
        itemId
        title
        status
        statusLabel
      }
    }
  }
`);

export const CASE_PICKER_QUERY = graphql(`
  query PublicityCasePicker($filter: CaseSearchInput!) {
    searchCases(filter: $filter, limit: 20) {
      items {
        id
        externalNo
        title
      }
    }
  }
`);

export const DEPARTMENTS_QUERY = graphql(`
  query PublicityDepartments {
    departments {
      id
      name
      active
    }
  }
`);
