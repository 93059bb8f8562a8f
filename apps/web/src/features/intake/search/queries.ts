import { graphql } from '../../../gql';

export const SEARCH_CASES_QUERY = graphql(`
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
`);
