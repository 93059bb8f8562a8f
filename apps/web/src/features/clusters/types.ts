import type { ClusterFieldsFragment, ClusterQuery, ClusterThresholdFieldsFragment, KeyPersonFieldsFragment } from '../../gql/graphql';

/** 聚类 and 重点人 — the types are generated from the API schema (src/gql) for the documents in queries.ts. */
export type ClusterItem = ClusterFieldsFragment;
export type ClusterDetail = ClusterQuery['cluster'];
export type ClusterCase = ClusterDetail['cases']['items'][number];
export type ClusterThresholds = ClusterThresholdFieldsFragment;
export type KeyPersonItem = KeyPersonFieldsFragment;
