import { graphql } from '../../gql';

export const CLAIM_FIELDS = graphql(`
  fragment ExclusionClaimFields on ExclusionClaim {
    id
    externalNo
    month
    ruleSetMonth
    ruleSetVersion
    type
    typeLabel
    statement
    status
    statusLabel
    complete
    deadline
    createdAt
    submittedAt
    decidedAt
    decisionNote
    packageUrl
    case {
      id
      title
    }
    checklist {
      key
      label
      done
    }
    evidence {
      id
      kind
      name
      url
      size
      uploadedAt
    }
  }
`);

export const RULE_SET_FIELDS = graphql(`
  fragment ExclusionRuleSetFields on ExclusionRuleSet {
    id
    month
    version
    isDefault
    note
    createdAt
    types {
      code
      label
      conditions
      deadlineWorkingDay
      deadline
      requiredEvidence {
        key
        label
      }
    }
  }
`);

export const EXCLUSION_CLAIMS_QUERY = graphql(`
  query ExclusionClaims($month: String!, $status: String, $offset: Int!, $limit: Int!) {
    exclusionClaims(month: $month, status: $status, offset: $offset, limit: $limit) {
      total
      items {
        ...ExclusionClaimFields
      }
    }
  }
`);

export const EXCLUSION_RULE_SET_QUERY = graphql(`
  query ExclusionRuleSet($month: String!) {
    exclusionRuleSet(month: $month) {
      ...ExclusionRuleSetFields
    }
  }
`);

export const CREATE_CLAIM = graphql(`
  mutation CreateExclusionClaim($i: ExclusionClaimCreateInput!) {
    createExclusionClaim(input: $i) {
      ...ExclusionClaimFields
    }
  }
`);
export const UPDATE_CLAIM = graphql(`
  mutation UpdateExclusionClaim($i: ExclusionClaimUpdateInput!) {
    updateExclusionClaim(input: $i) {
      ...ExclusionClaimFields
    }
  }
`);
export const SUBMIT_CLAIM = graphql(`
  mutation SubmitExclusionClaim($id: ID!) {
    submitExclusionClaim(claimId: $id) {
      ...ExclusionClaimFields
    }
  }
`);
export const APPROVE_CLAIM = graphql(`
  mutation ApproveExclusionClaim($i: ExclusionClaimDecisionInput!) {
    approveExclusionClaim(input: $i) {
      ...ExclusionClaimFields
    }
  }
`);
export const REJECT_CLAIM = graphql(`
  mutation RejectExclusionClaim($i: ExclusionClaimDecisionInput!) {
    rejectExclusionClaim(input: $i) {
      ...ExclusionClaimFields
    }
  }
`);
export const WITHDRAW_CLAIM = graphql(`
  mutation WithdrawExclusionClaim($i: ExclusionClaimDecisionInput!) {
    withdrawExclusionClaim(input: $i) {
      ...ExclusionClaimFields
    }
  }
`);
export const REMOVE_EVIDENCE = graphql(`
  mutation RemoveExclusionEvidence($claimId: ID!, $evidenceId: ID!) {
    removeExclusionEvidence(claimId: $claimId, evidenceId: $evidenceId) {
      ...ExclusionClaimFields
    }
  }
`);
export const SAVE_RULE_SET = graphql(`
  mutation SaveExclusionRuleSet($i: ExclusionRuleSetInput!) {
    saveExclusionRuleSet(input: $i) {
      ...ExclusionRuleSetFields
    }
  }
`);
