import { graphql } from '../../gql';

export const CASE_DETAIL_QUERY = graphql(`
  query CaseDetail($id: ID!) {
    case(id: $id) {
      ...CaseSummaryFields
      channel
      content
      tier
      citizenName
      citizenPhone
      address
      projectName
      street
      dispatchDueAt
      assignment {
        ...AssignmentFields
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
        reviewStatus
        reviewNote
        reviewedAt
        repliedByUser {
          id
          displayName
        }
      }
      timeline {
        id
        type
        label
        occurredAt
        actor {
          id
          displayName
        }
        actorRole
        department {
          id
          name
        }
        detail
      }
    }
  }
`);
