import { gql } from '@apollo/client';

export const RULE_FIELDS = gql`
  fragment ResponsibilityRuleFields on ResponsibilityRule {
    id
    ruleKey
    version
    name
    topics
    keywords
    projects
    streets
    leadDepartmentCode
    assistDepartmentCodes
    basis
    priority
    active
    createdAt
    createdBy
    supersededAt
  }
`;

export const RESPONSIBILITY_RULES_QUERY = gql`
  query ResponsibilityRules($history: Boolean!) {
    responsibilityRules(history: $history) {
      ...ResponsibilityRuleFields
    }
  }
  ${RULE_FIELDS}
`;

export const MODEL_FIELDS = gql`
  fragment DispatchModelFields on DispatchModelInfo {
    trainedAt
    trigger
    documents
    demoDocuments
    bureauDocuments
    fullTextDocuments
    digestOnlyDocuments
    minBureauDocuments
    minEvaluatedDocuments
    method
    selectedOn
    vocabulary
    folds
    evaluatedDocuments
    accuracy
    top3Accuracy
    perDepartment {
      departmentCode
      cases
      recall
    }
    calibration {
      temperature
      fittedOn
      eceBefore
      ece
      bins {
        from
        to
        count
        confidence
        accuracy
      }
    }
    trainMs
  }
`;

export const DISPATCH_MODEL_QUERY = gql`
  query DispatchModel {
    dispatchModel {
      ...DispatchModelFields
    }
  }
  ${MODEL_FIELDS}
`;

export const RETRAIN_MODEL_MUTATION = gql`
  mutation RetrainDispatchModel {
    retrainDispatchModel {
      ...DispatchModelFields
    }
  }
  ${MODEL_FIELDS}
`;

export const CREATE_RULE_MUTATION = gql`
  mutation CreateResponsibilityRule($input: ResponsibilityRuleInput!) {
    createResponsibilityRule(input: $input) {
      ...ResponsibilityRuleFields
    }
  }
  ${RULE_FIELDS}
`;

export const UPDATE_RULE_MUTATION = gql`
  mutation UpdateResponsibilityRule($ruleKey: ID!, $input: ResponsibilityRuleInput!) {
    updateResponsibilityRule(ruleKey: $ruleKey, input: $input) {
      ...ResponsibilityRuleFields
    }
  }
  ${RULE_FIELDS}
`;

export const RETIRE_RULE_MUTATION = gql`
  mutation RetireResponsibilityRule($ruleKey: ID!) {
    retireResponsibilityRule(ruleKey: $ruleKey) {
      ...ResponsibilityRuleFields
    }
  }
  ${RULE_FIELDS}
`;
