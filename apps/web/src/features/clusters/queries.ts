import { gql } from '@apollo/client';

const CLUSTER_FIELDS = 'id kind kindLabel topic place projectName community caseCount callerCount firstCaseAt lastCaseAt detectedAt';

export const CLUSTERS_QUERY = gql`
  query Clusters($kind: ClusterKind, $offset: Int, $limit: Int) {
    clusters(kind: $kind, offset: $offset, limit: $limit) { total offset limit items { ${CLUSTER_FIELDS} } }
  }
`;

export const CLUSTER_QUERY = gql`
  query Cluster($id: ID!, $offset: Int, $limit: Int) {
    cluster(id: $id, offset: $offset, limit: $limit) {
      cluster { ${CLUSTER_FIELDS} }
      cases { total offset limit items { id externalNo title stage receivedAt } }
      scripts { id title publishedVersion uses versions { version title text status statusLabel } }
    }
  }
`;

export const URGE_CLUSTER = gql`
  mutation UrgeCluster($input: UrgeClusterInput!) {
    urgeCluster(input: $input)
  }
`;

const THRESHOLD_FIELDS = 'burstMinCases burstWindowHours groupMinCallers groupWindowHours updatedAt updatedBy';
export const CLUSTER_THRESHOLDS_QUERY = gql`query ClusterThresholds { clusterThresholds { ${THRESHOLD_FIELDS} } }`;
export const SET_CLUSTER_THRESHOLDS = gql`
  mutation SetClusterThresholds($input: ClusterThresholdsInput!) { setClusterThresholds(input: $input) { ${THRESHOLD_FIELDS} } }
`;

const KEY_PERSON_FIELDS = 'id phoneMasked reason active flaggedAt unflaggedAt history { action reason at by { id displayName } }';
export const KEY_PERSONS_QUERY = gql`
  query KeyPersons($active: Boolean, $offset: Int, $limit: Int) {
    keyPersons(active: $active, offset: $offset, limit: $limit) { total offset limit items { ${KEY_PERSON_FIELDS} } }
  }
`;
export const FLAG_KEY_PERSON = gql`mutation FlagKeyPerson($input: KeyPersonInput!) { flagKeyPerson(input: $input) { ${KEY_PERSON_FIELDS} } }`;
export const UNFLAG_KEY_PERSON = gql`mutation UnflagKeyPerson($input: KeyPersonInput!) { unflagKeyPerson(input: $input) { ${KEY_PERSON_FIELDS} } }`;
