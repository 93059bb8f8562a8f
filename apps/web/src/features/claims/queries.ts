import { gql } from '@apollo/client';

export const CLAIM_FIELDS = `id externalNo month ruleSetMonth ruleSetVersion type typeLabel statement status statusLabel complete deadline
  createdAt submittedAt decidedAt decisionNote packageUrl
  case { id title }
  checklist { key label done }
  evidence { id kind name url size uploadedAt }`;

export const RULE_SET_FIELDS = `id month version isDefault note createdAt
  types { code label conditions deadlineWorkingDay deadline requiredEvidence { key label } }`;

export const EXCLUSION_CLAIMS_QUERY = gql`
  query ExclusionClaims($month: String!, $status: String, $offset: Int!, $limit: Int!) {
    exclusionClaims(month: $month, status: $status, offset: $offset, limit: $limit) { total items { ${CLAIM_FIELDS} } }
  }
`;

export const EXCLUSION_RULE_SET_QUERY = gql`
  query ExclusionRuleSet($month: String!) { exclusionRuleSet(month: $month) { ${RULE_SET_FIELDS} } }
`;

export const CREATE_CLAIM = gql`
  mutation CreateExclusionClaim($i: ExclusionClaimCreateInput!) { createExclusionClaim(input: $i) { ${CLAIM_FIELDS} } }
`;
export const UPDATE_CLAIM = gql`
  mutation UpdateExclusionClaim($i: ExclusionClaimUpdateInput!) { updateExclusionClaim(input: $i) { ${CLAIM_FIELDS} } }
`;
export const SUBMIT_CLAIM = gql`
  mutation SubmitExclusionClaim($id: ID!) { submitExclusionClaim(claimId: $id) { ${CLAIM_FIELDS} } }
`;
export const APPROVE_CLAIM = gql`
  mutation ApproveExclusionClaim($i: ExclusionClaimDecisionInput!) { approveExclusionClaim(input: $i) { ${CLAIM_FIELDS} } }
`;
export const REJECT_CLAIM = gql`
  mutation RejectExclusionClaim($i: ExclusionClaimDecisionInput!) { rejectExclusionClaim(input: $i) { ${CLAIM_FIELDS} } }
`;
export const WITHDRAW_CLAIM = gql`
  mutation WithdrawExclusionClaim($i: ExclusionClaimDecisionInput!) { withdrawExclusionClaim(input: $i) { ${CLAIM_FIELDS} } }
`;
export const REMOVE_EVIDENCE = gql`
  mutation RemoveExclusionEvidence($claimId: ID!, $evidenceId: ID!) { removeExclusionEvidence(claimId: $claimId, evidenceId: $evidenceId) { ${CLAIM_FIELDS} } }
`;
export const SAVE_RULE_SET = gql`
  mutation SaveExclusionRuleSet($i: ExclusionRuleSetInput!) { saveExclusionRuleSet(input: $i) { ${RULE_SET_FIELDS} } }
`;
