import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { authChecker } from './auth';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export type ReferenceResolvers = Record<string, { __resolveReference: (ref: never, ctx: never, info: never) => unknown }>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL, committed as `schema.graphql` and composed into the supergraph. */
  sdl: string;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: type-graphql prints the SDL
 * (with @key directives), @apollo/subgraph adds `_entities` / `_service`, and the type-graphql
 * resolvers (auth middleware included) are carried over with the entities' reference resolvers.
 */
export async function buildFederatedSchema(opts: {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  referenceResolvers?: ReferenceResolvers;
}): Promise<FederatedSchema> {
  const schema = await buildSchema({
    resolvers: opts.resolvers,
    orphanedTypes: opts.orphanedTypes,
    authChecker,
    skipCheck: true,
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}\n`;
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [type, ref] of Object.entries(opts.referenceResolvers ?? {})) {
    resolvers[type] = { ...(resolvers[type] ?? {}), ...ref };
  }
  const federated = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
  return { schema: federated, sdl };
}
