export const SUPERGRAPH_PATH: string;
export const API_SCHEMA_PATH: string;
export function apiSchemaSdl(supergraphSdl?: string): string;
