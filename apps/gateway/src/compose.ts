import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, subgraphSdlPath, supergraphPath } from './subgraphs';

/** Composes the committed subgraph SDL files into the supergraph (no binary download). */
export function composeSupergraph(): string {
  const result = composeServices(SUBGRAPHS.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(fs.readFileSync(subgraphSdlPath(s.name), 'utf8')) })));
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl!;
}

if (require.main === module) {
  const sdl = composeSupergraph();
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(supergraphPath) ? fs.readFileSync(supergraphPath, 'utf8') : '';
    if (committed !== sdl) {
      console.error('apps/gateway/supergraph.graphql is stale: run `npm run schema` and commit the result');
      process.exit(1);
    }
    console.log('supergraph is up to date');
  } else {
    fs.writeFileSync(supergraphPath, sdl);
    console.log(`wrote ${supergraphPath}`);
  }
}
