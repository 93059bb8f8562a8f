import { gql } from '@apollo/client';

const JOB_FIELDS = `
  id
  status
  fileName
  format
  mappingName
  totalRows
  processedRows
  createdCount
  updatedCount
  unchangedCount
  errorCount
  message
  createdAt
  finishedAt
  durationMs
  progress
`;

export const IMPORT_JOB_QUERY = gql`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ${JOB_FIELDS}
      errorReportUrl
      errors {
        row
        column
        reason
      }
    }
  }
`;

export const IMPORT_JOBS_QUERY = gql`
  query ImportJobs($limit: Int!) {
    importJobs(limit: $limit) {
      ${JOB_FIELDS}
    }
  }
`;

export const IMPORT_MAPPINGS_QUERY = gql`
  query ImportMappings {
    importMappings {
      id
      name
      updatedAt
      mappedColumns {
        field
        header
      }
    }
  }
`;

export const SAVE_IMPORT_MAPPING_MUTATION = gql`
  mutation SaveImportMapping($name: String!, $columns: [ImportColumnInput!]!) {
    saveImportMapping(name: $name, columns: $columns) {
      id
      name
      updatedAt
      mappedColumns {
        field
        header
      }
    }
  }
`;
