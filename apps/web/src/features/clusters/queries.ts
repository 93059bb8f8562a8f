import { graphql } from '../../gql';

export const CLUSTER_FIELDS = graphql(`
  fragment ClusterFields on Cluster {
    id
    kind
    kindLabel
    topic
    place
    projectName
    community
    caseCount
    callerCount
    firstCaseAt
    lastCaseAt
    detectedAt
  }
`);

export const CLUSTERS_QUERY = graphql(`
  query Clusters($kind: ClusterKind, $offset: Int, $limit: Int) {
    clusters(kind: $kind, offset: $offset, limit: $limit) {
      total
      offset
      limit
      items {
        ...ClusterFields
      }
    }
  }
`);

export const CLUSTER_QUERY = graphql(`
  query Cluster($id: ID!, $offset: Int, $limit: Int) {
    cluster(id: $id, offset: $offset, limit: $limit) {
      cluster {
        ...ClusterFields
      }
      cases {
        total
        offset
        limit
        items {
          id
          externalNo
          title
          stage
          receivedAt
        }
      }
      scripts {
        id
        title
        publishedVersion
        uses
        versions {
          version
          title
          text
          status
          statusLabel
        }
      }
    }
  }
`);

export const URGE_CLUSTER = graphql(`
  mutation UrgeCluster($input: UrgeClusterInput!) {
    urgeCluster(input: $input)
  }
`);

export const CLUSTER_THRESHOLD_FIELDS = graphql(`
  fragment ClusterThresholdFields on ClusterThresholds {
    burstMinCases
    burstWindowHours
    groupMinCallers
    groupWindowHours
    updatedAt
    updatedBy
  }
`);
export const CLUSTER_THRESHOLDS_QUERY = graphql(`
  query ClusterThresholds {
    clusterThresholds {
      ...ClusterThresholdFields
    }
  }
`);
export const SET_CLUSTER_THRESHOLDS = graphql(`
  mutation SetClusterThresholds($input: ClusterThresholdsInput!) {
    setClusterThresholds(input: $input) {
      ...ClusterThresholdFields
    }
  }
`);

export const KEY_PERSON_FIELDS = graphql(`
  fragment KeyPersonFields on KeyPerson {
    id
    phoneMasked
    reason
    active
    flaggedAt
    unflaggedAt
    history {
      action
      reason
      at
      by {
        id
        displayName
      }
    }
  }
`);
export const KEY_PERSONS_QUERY = graphql(`
  query KeyPersons($active: Boolean, $offset: Int, $limit: Int) {
    keyPersons(active: $active, offset: $offset, limit: $limit) {
      total
      offset
      limit
      items {
        ...KeyPersonFields
      }
    }
  }
`);
export const FLAG_KEY_PERSON = graphql(`
  mutation FlagKeyPerson($input: KeyPersonInput!) {
    flagKeyPerson(input: $input) {
      ...KeyPersonFields
    }
  }
`);
export const UNFLAG_KEY_PERSON = graphql(`
  mutation UnflagKeyPerson($input: KeyPersonInput!) {
    unflagKeyPerson(input: $input) {
      ...KeyPersonFields
    }
  }
`);
