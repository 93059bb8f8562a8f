import path from 'node:path';

/** The subgraphs composed into the supergraph, with their default local URLs. */
export const SUBGRAPHS = [
  { name: 'identity', url: 'http://127.0.0.1:4101/graphql' },
  { name: 'intake', url: 'http://127.0.0.1:4102/graphql' },
  { name: 'dispatch', url: 'http://127.0.0.1:4103/graphql' },
  { name: 'supervision', url: 'http://127.0.0.1:4104/graphql' },
] as const;

export const appsDir = path.resolve(__dirname, '..', '..');
export const subgraphSdlPath = (name: string) => path.join(appsDir, name, 'schema.graphql');
export const supergraphPath = path.join(appsDir, 'gateway', 'supergraph.graphql');
