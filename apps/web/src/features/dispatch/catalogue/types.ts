import type { ResponsibilityRuleFieldsFragment } from '../../../gql/graphql';

/** 权责清单 — generated from the API schema (src/gql) for the fragment in queries.ts. */
export type ResponsibilityRule = ResponsibilityRuleFieldsFragment;
