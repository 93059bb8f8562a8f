/**
 * 服务间调用 — how one service asks another for something the event stream deliberately does not
 * carry (a reply's full text, a citizen's phone). The caller proves itself to identity with its
 * client secret (OAuth 2 client credentials) and gets a short-lived token of role `service` whose
 * scopes are fixed in `SERVICE_GRANTS`; the callee's subgraph verifies that token itself and lets
 * it through only where a rule names the scope. Tokens are cached until shortly before expiry.
 */

export interface ServiceClientOptions {
  /** identity's token endpoint, e.g. http://127.0.0.1:4101/oauth/token */
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  timeoutMs?: number;
}

/** A call to another service failed: not configured, refused, unreachable or answered an error. */
export class ServiceCallError extends Error {
  constructor(
    readonly reason: 'NOT_CONFIGURED' | 'TOKEN_REFUSED' | 'UNREACHABLE' | 'ERROR_RESPONSE',
    message: string,
  ) {
    super(message);
    this.name = 'ServiceCallError';
  }
}

export interface ServiceClient {
  /** A GraphQL operation against another subgraph, directly (not through the gateway). */
  query<T>(graphqlUrl: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

export function createServiceClient(opts: ServiceClientOptions): ServiceClient {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    if (!opts.clientSecret) throw new ServiceCallError('NOT_CONFIGURED', `service credentials are not configured (SERVICE_CLIENT_SECRET for ${opts.clientId})`);
    let res: Response;
    try {
      res = await fetch(opts.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: opts.clientId, client_secret: opts.clientSecret }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new ServiceCallError('UNREACHABLE', `identity token endpoint unreachable: ${(e as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
    if (!res.ok || !body.access_token) throw new ServiceCallError('TOKEN_REFUSED', `identity refused a service token: ${body.error ?? `HTTP ${res.status}`}`);
    const ttl = Math.max(10, body.expires_in ?? 60);
    cached = { token: body.access_token, renewAt: Date.now() + Math.max(5, ttl - 60) * 1000 };
    return body.access_token;
  };

  const token = async (): Promise<string> => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };

  return {
    async query<T>(graphqlUrl: string, query: string, variables?: Record<string, unknown>): Promise<T> {
      const call = async () => {
        try {
          return await fetch(graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
            body: JSON.stringify({ query, variables }),
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (e) {
          if (e instanceof ServiceCallError) throw e;
          throw new ServiceCallError('UNREACHABLE', `${graphqlUrl} unreachable: ${(e as Error).message}`);
        }
      };
      let res = await call();
      if (res.status === 401) {
        // identity restarted with a new key, or the token expired in flight: one fresh token, one retry.
        cached = undefined;
        await res.arrayBuffer().catch(() => undefined); // release the connection before retrying
        res = await call();
      }
      const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      if (body.errors?.length || !body.data) {
        const e = body.errors?.[0];
        throw new ServiceCallError('ERROR_RESPONSE', `${graphqlUrl}: ${e ? `${e.extensions?.code ?? 'ERROR'} ${e.message}` : `HTTP ${res.status}`}`);
      }
      return body.data;
    },
  };
}
