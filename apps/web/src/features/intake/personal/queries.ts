import { graphql } from '../../../gql';

export const REVEAL_CITIZEN_MUTATION = graphql(`
  mutation RevealCitizen($caseId: ID!, $reason: String!) {
    revealCitizen(caseId: $caseId, reason: $reason) {
      name
      phone
      address
    }
  }
`);

export const REVEAL_LOG_QUERY = graphql(`
  query RevealLog($caseId: ID, $limit: Int!) {
    revealLog(caseId: $caseId, limit: $limit) {
      id
      caseId
      externalNo
      role
      fields
      reason
      revealedAt
      user {
        id
        displayName
        username
      }
    }
  }
`);
