import { graphql } from '../../../gql';
// Field lists are written out in each document: graphql() documents are static text for the code generator.

export const IMPORT_JOB_QUERY = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
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
      errorReportUrl
      errors {
        row
        column
        reason
      }
    }
  }
`);

export const IMPORT_JOBS_QUERY = graphql(`
  query ImportJobs($limit: Int!) {
    importJobs(limit: $limit) {
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
    }
  }
`);

export const IMPORT_MAPPINGS_QUERY = graphql(`
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
`);

export const SAVE_IMPORT_MAPPING_MUTATION = graphql(`
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
`);
