import { gql } from '@apollo/client';
import { CASE_SUMMARY_FIELDS } from '../../../shared/fragments';

export const SEARCH_CASES_QUERY = gql`
  query SearchCases($filter: CaseSearchInput!, $limit: Int!, $offset: Int!) {
    searchCases(filter: $filter, limit: $limit, offset: $offset) {
      total
      items {
        ...CaseSummaryFields
        projectName
        repeatCount
      }
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;
