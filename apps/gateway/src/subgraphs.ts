import path from 'node:path';
import { LIVE_SUBGRAPHS } from '@hotline/contracts';

/** The subgraphs composed into the supergraph (the registry's live subgraphs), with their default local URLs. */
export const SUBGRAPHS = LIVE_SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1:${s.port}/graphql` }));

export const appsDir = path.resolve(__dirname, '..', '..');
export const subgraphSdlPath = (name: string) => path.join(appsDir, name, 'schema.graphql');
export const supergraphPath = path.join(appsDir, 'gateway', 'supergraph.graphql');
