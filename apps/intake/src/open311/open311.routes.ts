import { randomBytes } from 'node:crypto';
import express, { Express, NextFunction, Request, Response } from 'express';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ANSWERED_STAGES, CASE_STAGES } from '@hotline/contracts';
import { DomainError, Logger } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { receiveCase } from '../cases/receive-case';
import { Topic } from '../topics/topic.entity';
import { leafTopics, listTopics, topicPath } from '../topics/topics';
import { verifyKey } from './api-keys';
import { discoveryOf, MAX_DESCRIPTION, Open311Error, Open311Failure, serviceDefinitionOf, serviceOf, serviceRequestOf, toXml } from './open311-format';
import { MAX_ROWS, parseRequestQuery } from './open311-query';

type Format = 'json' | 'xml';

/** Splits `requests/BJ-1.json` into its path parts and the format suffix (JSON when none). */
function route(rest: string): { parts: string[]; format: Format } {
  const m = /^(.*?)(?:\.(json|xml))?$/i.exec(rest)!;
  // A malformed escape (`%E0%A4%A`) is the caller's mistake: no part can match, so it is a 404.
  const decode = (p: string) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return '\u0000';
    }
  };
  return { parts: m[1].split('/').filter(Boolean).map(decode), format: (m[2]?.toLowerCase() as Format) ?? 'json' };
}

function send(res: Response, format: Format, status: number, root: string, body: unknown): void {
  if (format === 'xml') res.status(status).type('text/xml; charset=utf-8').send(toXml(root, body));
  else res.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function sendErrors(res: Response, format: Format, status: number, errors: Open311Error[]): void {
  send(res, format, status, 'errors', errors);
}

/** The service code of a case's topic (its taxonomy code), or null for a topic outside the taxonomy. */
const codeOf = (topics: Topic[], name: string) => topics.find((t) => t.name === name)?.code ?? null;

/** `O311-20261125-3FA9C2`: a bureau-side number for requests that do not come from the district platform. */
const newExternalNo = (now = new Date()) => `O311-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex').toUpperCase()}`;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** `attribute[project_name]=...` (form) or `attribute: { project_name }` (JSON). */
function attributesOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (body.attribute && typeof body.attribute === 'object') for (const [k, v] of Object.entries(body.attribute)) out[k] = str(v);
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[(.+)\]$/.exec(k);
    if (m) out[m[1]] = str(v);
  }
  return out;
}

async function createRequest(em: EntityManager, body: Record<string, unknown>, apiKey: string | undefined) {
  const partner = await verifyKey(em, apiKey);
  if (!partner) throw new Open311Failure(403, apiKey ? 'api_key 无效或已停用' : '缺少 api_key');
  const code = str(body.service_code);
  if (!code) throw new Open311Failure(400, '缺少 service_code');
  const topics = await listTopics(em, { activeOnly: true });
  const topic = leafTopics(topics).find((t) => t.code === code);
  if (!topic) throw new Open311Failure(400, `service_code ${code} 不存在`);
  const lat = str(body.lat);
  const long = str(body.long);
  const addressString = str(body.address_string) || str(body.address_id);
  if (!(lat && long) && !addressString) throw new Open311Failure(400, '缺少位置信息：请提供 lat 和 long，或 address_string');
  const latitude = lat ? Number(lat) : undefined;
  const longitude = long ? Number(long) : undefined;
  if ((lat && !Number.isFinite(latitude)) || (long && !Number.isFinite(longitude))) throw new Open311Failure(400, 'lat/long 须为数字');
  const description = typeof body.description === 'string' ? body.description.trim() : '';
  if (!description) throw new Open311Failure(400, '缺少 description');
  if (Array.from(description).length > MAX_DESCRIPTION) throw new Open311Failure(400, `description 超过 ${MAX_DESCRIPTION} 个字符`);
  const attrs = attributesOf(body);
  const name = [str(body.last_name), str(body.first_name)].filter(Boolean).join('');
  const phone = str(body.phone);
  const mediaUrl = str(body.media_url);
  const { case: c } = await receiveCase(
    em,
    { system: `open311:${partner.id}` },
    {
      externalNo: newExternalNo(),
      channel: 'open311',
      anonymous: !name && !phone,
      citizenName: name,
      citizenPhone: phone,
      address: addressString || null,
      latitude,
      longitude,
      projectName: attrs.project_name || null,
      street: attrs.street || null,
      community: attrs.community || null,
      title: Array.from(description.replace(/\s+/g, ' ')).slice(0, 30).join(''),
      content: description,
      requestType: attrs.request_type || 'complaint',
      topic: topic.name,
      attachments: mediaUrl ? [{ name: '市民上传图片', url: mediaUrl }] : [],
    },
  );
  return [{ service_request_id: c.externalNo, service_notice: '已受理，工单将在 30 分钟内分转办理', account_id: null }];
}

async function findRequests(em: EntityManager, q: Record<string, unknown>, topics: Topic[]) {
  const query = parseRequestQuery(q);
  const where: Record<string, unknown> = { confidential: false };
  if (query.ids) where.externalNo = { $in: query.ids };
  else where.receivedAt = { $gte: query.from, $lte: query.to };
  if (query.serviceCodes) where.topic = { $in: topics.filter((t) => query.serviceCodes!.includes(t.code)).map((t) => t.name) };
  if (query.statuses && query.statuses.length === 1) {
    // closed = the bureau has answered (办结 and after); a case reopened for 二次督办 is open again.
    where.stage = query.statuses[0] === 'closed' ? { $in: ANSWERED_STAGES } : { $in: CASE_STAGES.filter((s) => !ANSWERED_STAGES.includes(s)) };
  }
  const cases = await em.find(Case, where, { orderBy: { receivedAt: 'desc', id: 'asc' }, limit: MAX_ROWS });
  return cases.map((c) => serviceRequestOf(c, codeOf(topics, c.topic)));
}

/**
 * Open311 GeoReport v2 at /open311/v2 (the gateway passes it through): discovery, services,
 * service definitions, POST requests (with a partner's api_key) and GET requests (no personal
 * data). Errors are the spec's `errors` list with the HTTP status 400, 403 or 404.
 */
export function open311Routes(app: Express, deps: { orm: MikroORM; log: Logger; publicUrl?: string }): void {
  const body = [express.urlencoded({ extended: false, limit: '64kb' }), express.json({ limit: '64kb' })];
  app.all(/^\/open311\/v2\/(.*)$/, ...body, async (req: Request, res: Response) => {
    const { parts, format } = route((req.params as Record<string, string>)[0] ?? '');
    const em = deps.orm.em.fork();
    const q = req.query as Record<string, unknown>;
    try {
      const [head, id] = parts;
      if (req.method === 'GET' && head === 'discovery' && !id) {
        const base = deps.publicUrl ?? `${req.get('x-forwarded-proto') ?? req.protocol}://${req.get('x-forwarded-host') ?? req.get('host')}/open311/v2`;
        return send(res, format, 200, 'discovery', discoveryOf(base));
      }
      if (req.method === 'GET' && head === 'services') {
        const topics = await listTopics(em, { activeOnly: true });
        const withGroup = (t: Topic) => ({ ...t, group: topicPath(topics, t.code)[0] });
        if (!id)
          return send(
            res,
            format,
            200,
            'services',
            leafTopics(topics).map((t) => serviceOf(withGroup(t))),
          );
        const t = leafTopics(topics).find((x) => x.code === id);
        if (!t) throw new Open311Failure(404, `service_code ${id} 不存在`);
        return send(res, format, 200, 'service_definition', serviceDefinitionOf(t));
      }
      if (head === 'requests' && !id && req.method === 'POST') {
        const b = (req.body ?? {}) as Record<string, unknown>;
        const created = await createRequest(em, b, str(b.api_key) || str(q.api_key) || undefined);
        return send(res, format, 201, 'service_requests', created);
      }
      if (head === 'requests' && req.method === 'GET') {
        const topics = await listTopics(em);
        if (!id) return send(res, format, 200, 'service_requests', await findRequests(em, q, topics));
        const found = await findRequests(em, { service_request_id: id }, topics);
        if (!found.length) throw new Open311Failure(404, `service_request_id ${id} 不存在`);
        return send(res, format, 200, 'service_requests', found);
      }
      throw new Open311Failure(404, '接口不存在');
    } catch (e) {
      if (e instanceof Open311Failure) return sendErrors(res, format, e.status, [{ code: e.status, description: e.description }]);
      if (e instanceof DomainError && e.code === 'BAD_USER_INPUT') return sendErrors(res, format, 400, [{ code: 400, description: e.message }]);
      deps.log.error({ err: e }, 'open311 request failed');
      return sendErrors(res, format, 500, [{ code: 500, description: '系统繁忙，请稍后重试' }]);
    }
  });
  // Errors before our handler (a malformed %-escape in the path, a body that is not JSON): the
  // standard's error list, never Express's HTML page.
  app.use('/open311', (err: { status?: number; statusCode?: number }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status ?? err.statusCode ?? 500;
    const format: Format = /\.xml($|\?)/i.test(req.originalUrl) ? 'xml' : 'json';
    if (status >= 500) deps.log.error({ err }, 'open311 request failed');
    sendErrors(res, format, status >= 500 ? 500 : 400, [
      { code: status >= 500 ? 500 : 400, description: status >= 500 ? '系统繁忙，请稍后重试' : '请求格式有误' },
    ]);
  });
}
