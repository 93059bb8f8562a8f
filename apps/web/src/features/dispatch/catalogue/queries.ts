import { graphql } from '../../../gql';

export const RULE_FIELDS = graphql(`
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
`);

export const RESPONSIBILITY_RULES_QUERY = graphql(`
  query ResponsibilityRules($history: Boolean!) {
    responsibilityRules(history: $history) {
      ...ResponsibilityRuleFields
    }
  }
`);

export const MODEL_FIELDS = graphql(`
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
`);

export const DISPATCH_MODEL_QUERY = graphql(`
  query DispatchModel {
    dispatchModel {
      ...DispatchModelFields
    }
  }
`);

export const RETRAIN_MODEL_MUTATION = graphql(`
  mutation RetrainDispatchModel {
    retrainDispatchModel {
      ...DispatchModelFields
    }
  }
`);

export const CREATE_RULE_MUTATION = graphql(`
  mutation CreateResponsibilityRule($input: ResponsibilityRuleInput!) {
    createResponsibilityRule(input: $input) {
      ...ResponsibilityRuleFields
    }
  }
`);

export const UPDATE_RULE_MUTATION = graphql(`
  mutation UpdateResponsibilityRule($ruleKey: ID!, $input: ResponsibilityRuleInput!) {
    updateResponsibilityRule(ruleKey: $ruleKey, input: $input) {
      ...ResponsibilityRuleFields
    }
  }
`);

export const RETIRE_RULE_MUTATION = graphql(`
  mutation RetireResponsibilityRule($ruleKey: ID!) {
    retireResponsibilityRule(ruleKey: $ruleKey) {
      ...ResponsibilityRuleFields
    }
  }
`);
