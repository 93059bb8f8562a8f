import { plainHttpPrefixes } from '@hotline/contracts';

/** GET paths the web app routes on the client: all but the gateway's own and the services' plain pass-through prefixes. */
export function spaFallback(): RegExp {
  const own = ['graphql', 'healthz', 'readyz', 'metrics'];
  const passed = plainHttpPrefixes().map((p) => p.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\/(?!(?:${[...own, ...passed].join('|')})(?:\\/|$)).*`);
}
