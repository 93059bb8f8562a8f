/** The depth rule lives in the service kit: the gateway and every subgraph apply it. */
export { depthLimit } from '@hotline/service-kit';
