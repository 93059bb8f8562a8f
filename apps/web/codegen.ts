// GraphQL Code Generator: typed documents for the web client (`pnpm codegen`).
// The schema is the gateway's API schema (api-schema.graphql, written from the committed
// supergraph by scripts/api-schema.mjs); the documents are the `graphql(...)` calls in src.
// Only `graphql` from src/gql is plucked (a `gql` tag from @apollo/client would stay untyped; none is left).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'api-schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  pluckConfig: {
    modules: [{ name: 'never-a-module', identifier: 'gql' }],
    globalGqlIdentifierName: 'graphql',
  },
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { DateTimeISO: 'string', JSON: 'unknown', Upload: 'unknown' },
      },
    },
  },
};

export default config;
