import http from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * The gateway's calls to its subgraphs: one POST of a JSON body to a known URL and its JSON
 * answer, over a pool of kept-alive connections per subgraph (node:http's Agent). Node's own
 * fetch (undici) did the same with WHATWG streams and their promises around every call: about
 * three times the CPU per call on this machine (docs/performance.md), and a page of the duty
 * queue makes three calls.
 *
 * The subgraphs keep idle connections 65 s (service-kit http); the agent lets them go after 30 s,
 * so a reused socket is never one the server is closing.
 */
export function createSubgraphFetcher(opts: { maxSockets?: number; timeoutMs?: number } = {}): { fetcher: Fetcher; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: opts.maxSockets ?? 256, timeout: 30_000 });
  // As undici's default for an answer's headers and body: a slow report is not cut short.
  const timeoutMs = opts.timeoutMs ?? 300_000;

  const fetcher = ((url: string, init?: FetcherRequestInit): Promise<FetcherResponse> =>
    new Promise((resolve, reject) => {
      const body = init?.body ?? '';
      const headers: Record<string, string> = { ...(init?.headers as Record<string, string> | undefined) };
      headers['content-length'] = String(Buffer.byteLength(body));
      const req = http.request(url, { method: init?.method ?? 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve(new SubgraphResponse(url, res, Buffer.concat(chunks)) as unknown as FetcherResponse));
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`subgraph call timed out after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    })) as unknown as Fetcher;

  return { fetcher, close: () => agent.destroy() };
}

/**
 * The parts of a fetch Response that Apollo's RemoteGraphQLDataSource reads (status, a header, the
 * body as JSON or text) and no more: the gateway has no hook that would ask for others.
 */
class SubgraphResponse {
  readonly redirected = false;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  bodyUsed = false;

  constructor(
    readonly url: string,
    res: http.IncomingMessage,
    private readonly body: Buffer,
  ) {
    this.status = res.statusCode ?? 0;
    this.statusText = res.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    const raw = res.headers;
    this.headers = {
      get: (name: string) => {
        const v = raw[name.toLowerCase()];
        return v == null ? null : Array.isArray(v) ? v.join(', ') : v;
      },
    };
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}
