import express, { Express, Request, Response } from 'express';
import type { Logger } from '@hotline/service-kit';
import type { LoginLimiter } from './login-limiter';
import { issueServiceToken, ServiceClients, ServiceTokenSettings } from './service-clients';

/**
 * `POST /oauth/token` — OAuth 2 client credentials (RFC 6749 §4.4) for services only:
 * `grant_type=client_credentials` with `client_id` + `client_secret` in the form body or in
 * HTTP Basic auth → `{ access_token, token_type: "Bearer", expires_in, scope }`. Errors are the
 * RFC's (`invalid_request`, `unsupported_grant_type`, `invalid_client`); failures are
 * rate-limited like logins. Not passed through the gateway.
 */
export function tokenRoutes(app: Express, deps: { clients: ServiceClients; tokens: ServiceTokenSettings; limiter: LoginLimiter; log: Logger }): void {
  app.post('/oauth/token', express.urlencoded({ extended: false, limit: '4kb' }), express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    const body = (req.body ?? {}) as Record<string, unknown>;
    let clientId = typeof body.client_id === 'string' ? body.client_id : '';
    let secret = typeof body.client_secret === 'string' ? body.client_secret : '';
    const basic = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      try {
        if (i > 0) [clientId, secret] = [decodeURIComponent(decoded.slice(0, i)), decodeURIComponent(decoded.slice(i + 1))];
      } catch {
        res.status(400).json({ error: 'invalid_request', error_description: 'malformed HTTP Basic credentials' });
        return;
      }
    }
    if (body.grant_type !== 'client_credentials') {
      res
        .status(400)
        .json({ error: body.grant_type ? 'unsupported_grant_type' : 'invalid_request', error_description: 'grant_type must be client_credentials' });
      return;
    }
    if (!clientId || !secret) {
      res.status(400).json({ error: 'invalid_request', error_description: 'client_id and client_secret are required' });
      return;
    }
    // Failures count per known client and address; made-up ids share one key per address, so
    // they cannot grow the limiter's memory.
    const key = `service:${deps.clients.knows(clientId) ? clientId : '?'}|${req.ip ?? ''}`;
    const wait = deps.limiter.blockedFor(key);
    if (wait > 0) {
      res
        .status(429)
        .set('retry-after', String(wait))
        .json({ error: 'invalid_client', error_description: `too many failed attempts, retry in ${wait} s` });
      return;
    }
    const scopes = deps.clients.authenticate(clientId, secret);
    if (!scopes) {
      deps.limiter.fail(key);
      deps.log.warn({ clientId }, 'service token refused: bad client credentials');
      res.status(401).set('www-authenticate', 'Basic realm="hotline-identity"').json({ error: 'invalid_client' });
      return;
    }
    deps.limiter.succeed(key);
    const { token, expiresIn } = await issueServiceToken(clientId, scopes, deps.tokens);
    res.json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' ') });
  });
}
