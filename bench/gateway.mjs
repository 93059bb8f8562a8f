// Read latency of a federated query through the gateway against the raw baseline: the same
// subgraph query sent straight to the subgraph, in the same run on the same system.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { median, quantile, fmt } from './stats.mjs';

const require = createRequire(import.meta.url);
const { startTestStack, loginAs, GraphQLClient } = require('@hotline/testing');

async function timeRequests(client, query, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await client.request(query);
    times.push(performance.now() - t0);
  }
  return times;
}

export async function gateway({ runs, requests }) {
  console.log(`\n== read latency: ${requests} sequential requests × ${runs} runs (gateway vs the subgraph directly)`);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const stack = await startTestStack(root);
  try {
    const duty = await loginAs(stack.gatewayUrl, 'duty');
    const direct = new GraphQLClient(`${stack.subgraphs.intake.url}/graphql`, duty.token);
    const subgraphQuery = '{ unsignedCases { id externalNo title stage receivedAt citizenPhone } }';
    // Through the gateway, also with a field from a second subgraph (a federated join).
    const federatedQuery = '{ unsignedCases { id externalNo title stage receivedAt citizenPhone timeline { label actor { displayName } } } }';
    await timeRequests(direct, subgraphQuery, 30);
    await timeRequests(duty, federatedQuery, 30); // warm-up
    const raw = [],
      viaGateway = [],
      federated = [];
    for (let r = 0; r < runs; r++) {
      raw.push(...(await timeRequests(direct, subgraphQuery, requests)));
      viaGateway.push(...(await timeRequests(duty, subgraphQuery, requests)));
      federated.push(...(await timeRequests(duty, federatedQuery, requests)));
    }
    const result = {
      requests: requests * runs,
      direct: { medianMs: median(raw), p95Ms: quantile(raw, 0.95) },
      gateway: { medianMs: median(viaGateway), p95Ms: quantile(viaGateway, 0.95) },
      gatewayFederated: { medianMs: median(federated), p95Ms: quantile(federated, 0.95) },
      ratioGateway: median(viaGateway) / median(raw),
      ratioFederated: median(federated) / median(raw),
    };
    console.log(`  direct to intake     median ${fmt(result.direct.medianMs, 2)} ms, p95 ${fmt(result.direct.p95Ms, 2)} ms`);
    console.log(
      `  through the gateway  median ${fmt(result.gateway.medianMs, 2)} ms, p95 ${fmt(result.gateway.p95Ms, 2)} ms  (${fmt(result.ratioGateway, 2)}×)`,
    );
    console.log(
      `  + identity join      median ${fmt(result.gatewayFederated.medianMs, 2)} ms, p95 ${fmt(result.gatewayFederated.p95Ms, 2)} ms  (${fmt(result.ratioFederated, 2)}×)`,
    );
    return result;
  } finally {
    await stack.stop();
  }
}
