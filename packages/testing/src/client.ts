/** A small GraphQL client for tests: logs in through the gateway and keeps the token. */
export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; reason?: string; [k: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: GraphQLErrorShape[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
  get reason(): string | undefined {
    return this.errors[0]?.extensions?.reason;
  }
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: GraphQLErrorShape[];
}

export class GraphQLClient {
  token?: string;
  constructor(
    readonly url: string,
    token?: string,
  ) {
    this.token = token;
  }

  /** Raw call: returns data and errors as they came. */
  async raw<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: T; errors?: GraphQLErrorShape[] };
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text.slice(0, 300), extensions: { code: `HTTP_${res.status}` } }] };
    }
    return { status: res.status, data: body.data ?? undefined, errors: body.errors };
  }

  /** Throws GraphQLRequestError when the answer has errors. */
  async request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.raw<T>(query, variables);
    if (r.errors?.length) throw new GraphQLRequestError(r.errors, r.status);
    return r.data as T;
  }

  async login(username: string, password = 'demo12345'): Promise<this> {
    const r = await new GraphQLClient(this.url).request<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    this.token = r.login.token;
    return this;
  }
}

/** Logs in a demo user through the gateway. */
export async function loginAs(gatewayUrl: string, username: string, password = 'demo12345'): Promise<GraphQLClient> {
  return new GraphQLClient(`${gatewayUrl}/graphql`).login(username, password);
}

/**
 * How long a test waits, unless it says otherwise, for something to cross services (an event
 * through the outbox, NATS and a consumer). Generous on purpose: CI runs every package's tests at
 * once on two cores, and a test's limit is not a latency target — latency is measured in `bench/`,
 * not asserted in tests. Only a bound that the product promises (a revoked token refused "within
 * seconds") gets a shorter wait of its own. The browser tests wait as long (`propagationTimeoutMs`).
 */
export const PROPAGATION_MS = 45_000;

/** A wait under the default limit that takes longer than this is reported (it was the default limit once). */
const SLOW_MS = 10_000;

/**
 * Polls until `fn` returns a truthy value (eventual consistency between services). A wait that
 * took more than half its own limit, or more than 10 s under the default one, is reported on stderr
 * (`[eventually] … took …`): a wait that comes close to failing on a loaded machine shows in the log.
 */
export async function eventually<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? PROPAGATION_MS;
  const slow = opts.timeoutMs ? opts.timeoutMs / 2 : SLOW_MS;
  const started = Date.now();
  const until = started + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) {
        const took = Date.now() - started;
        if (took > slow) console.warn(`[eventually] ${opts.what ?? 'a condition'} took ${took} ms of ${timeoutMs} ms`);
        return v;
      }
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > until) {
      throw new Error(
        `timed out after ${Date.now() - started} ms waiting for ${opts.what ?? 'condition'}${lastError ? `: ${(lastError as Error).message}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}
