/**
 * 服务登记表 (service registry): every deployable service of the platform, once. The gateway's
 * subgraph list, its URL overrides and pass-through routes, infra/local, the bootstrap's schema
 * loop and the service grants are built from this list; the NATS permission files, compose,
 * Kubernetes, the Dockerfile, each service's consumers and the event producers are checked
 * against it (packages/contracts/test/registry.test.ts).
 *
 * This file must not import anything at run time: scripts/bootstrap.mjs (plain Node ESM) reads
 * the built `dist/services.js` directly.
 *
 * Adding a service: its folder under apps/ plus one entry here (status `live`); see
 * docs/architecture.md, "How to add a subgraph".
 */
import type { ServiceScope } from './service-access';

export interface ServiceEntry {
  /** Folder under apps/, NATS user, image name, `<service>-<purpose>` consumer prefix. */
  readonly name: string;
  /** The service's Chinese name, for people reading logs and screens. */
  readonly title: string;
  /** `live`: built, started and deployed; `planned`: its NATS user, database and manifests exist, the app does not yet. */
  readonly status: 'live' | 'planned';
  /** Default port (local run, compose, Kubernetes). */
  readonly port: number;
  /** Its own PostgreSQL database; no other service reads it. */
  readonly database: string;
  /** Composed into the supergraph by the gateway. */
  readonly subgraph: boolean;
  /**
   * Plain HTTP paths the gateway passes through to this service, unchanged. A plain path is a
   * prefix (`/imports` covers `/imports/...`); `:uuid` stands for one UUID segment.
   */
  readonly httpPaths: readonly string[];
  /** Event subjects it may publish (NATS patterns: `*` one token, `>` the rest). */
  readonly publishes: readonly string[];
  /** Subjects its durable consumers filter on (one filter per consumer on nats-server 2.9). */
  readonly consumes: readonly string[];
  /** Scopes of the service token identity issues to it (服务凭据; packages/contracts service-access). */
  readonly grants: readonly ServiceScope[];
}

const entry = <const E extends ServiceEntry>(e: E): E => e;

/** In the order of their default ports. The gateway (4000) and the web app are not services here. */
export const SERVICES = [
  entry({
    name: 'identity',
    title: '用户与科室',
    status: 'live',
    port: 4101,
    database: 'hotline_identity',
    subgraph: true,
    httpPaths: [],
    publishes: ['hotline.department.>', 'hotline.user.>'],
    consumes: [],
    grants: [],
  }),
  entry({
    name: 'intake',
    title: '受理',
    status: 'live',
    port: 4102,
    database: 'hotline_intake',
    subgraph: true,
    httpPaths: ['/open311', '/imports', '/cases/:uuid/attachments'],
    publishes: [
      'hotline.case.received',
      'hotline.case.signed',
      'hotline.case.classified',
      'hotline.case.linked',
      'hotline.case.updated',
      'hotline.case.attachment-added',
      'hotline.case.attachment-removed',
      'hotline.case.feedback-delivered',
    ],
    // The lifecycle's 回访 and 二次督办 events move the stage and fill the timeline too.
    consumes: ['hotline.case.>', 'hotline.callback.>', 'hotline.supervision.>'],
    grants: ['dispatch.reply:read', 'callback.task:read'],
  }),
  entry({
    name: 'dispatch',
    title: '分转与办理',
    status: 'live',
    port: 4103,
    database: 'hotline_dispatch',
    subgraph: true,
    httpPaths: [],
    publishes: [
      'hotline.case.dispatched',
      'hotline.case.accepted',
      'hotline.case.returned',
      'hotline.case.contacted',
      'hotline.case.extension-requested',
      'hotline.case.extension-refused',
      'hotline.case.extended',
      'hotline.case.replied',
      'hotline.case.review-rejected',
      'hotline.case.assist-reported',
      'hotline.case.deadline-changed',
      'hotline.case.completed',
    ],
    consumes: ['hotline.case.>', 'hotline.department.>', 'hotline.script.>', 'hotline.cluster.>'],
    grants: ['intake.case-text:read'],
  }),
  entry({
    name: 'supervision',
    title: '督办',
    status: 'live',
    port: 4104,
    database: 'hotline_supervision',
    subgraph: true,
    httpPaths: ['/meetings/:uuid/minutes', '/exclusion-claims/:uuid'],
    publishes: [
      'hotline.clock.>',
      'hotline.case.urged',
      'hotline.exclusion.>',
      'hotline.script.>',
      'hotline.cluster.>',
      'hotline.meeting.>',
      'hotline.task.>',
      'hotline.calendar.year-loaded',
      // 二次督办: the reopen of a completed case and the tracked round it opens.
      'hotline.case.reopened',
      'hotline.supervision.opened',
      'hotline.supervision.closed',
    ],
    // Departments (调度会 attendance, task owners), publicity's episode tasks (the 催办 ladder) and its own claims'
    // decisions (hotline.exclusion.>: clocks that pause while a claim is pending); callback's results
    // (hotline.callback.>) open and close 二次督办.
    consumes: ['hotline.case.>', 'hotline.department.>', 'hotline.publicity.>', 'hotline.exclusion.>', 'hotline.callback.>'],
    grants: [],
  }),
  entry({
    name: 'callback',
    title: '回访',
    status: 'live',
    port: 4105,
    database: 'hotline_callback',
    subgraph: true,
    httpPaths: [],
    // An unresolved or dissatisfied result carries `reopen`; supervision opens the round (二次督办).
    publishes: ['hotline.callback.>'],
    // 不纳入考核 decisions (hotline.exclusion.>) for the denominators; the working calendar's years as supervision
    // loads them (hotline.calendar.year-loaded); publicity's bonus points (hotline.publicity.awarded) for the three rates.
    consumes: ['hotline.case.>', 'hotline.exclusion.>', 'hotline.calendar.>', 'hotline.publicity.>'],
    // Asks identity whether a user is an active 回访员 before a supervisor's assignment (assignCallbackTask).
    grants: ['identity.callback-agent:read'],
  }),
  entry({
    name: 'publicity',
    title: '宣传',
    status: 'live',
    port: 4106,
    database: 'hotline_publicity',
    subgraph: true,
    httpPaths: ['/typical-cases/:uuid/materials'],
    publishes: ['hotline.publicity.>'],
    consumes: ['hotline.case.>', 'hotline.department.>', 'hotline.calendar.>'],
    grants: [],
  }),
  entry({
    name: 'analytics',
    title: '统计分析',
    status: 'planned',
    port: 4107,
    database: 'hotline_analytics',
    subgraph: true,
    httpPaths: [],
    publishes: [],
    consumes: [],
    grants: [],
  }),
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];
type Live = Extract<(typeof SERVICES)[number], { status: 'live' }>;
export type LiveServiceName = Live['name'];
/** The gateway's own port and the services' shared default host. */
export const GATEWAY_PORT = 4000;

/** Services that are built and run (the local run starts them, the gateway composes the subgraphs among them). */
export const LIVE_SERVICES = SERVICES.filter((s): s is Live => s.status === 'live');
/** Live services composed into the supergraph, in port order. */
export const LIVE_SUBGRAPHS = LIVE_SERVICES.filter((s) => s.subgraph);

export function serviceNamed(name: string): ServiceEntry {
  const s = SERVICES.find((x) => x.name === name);
  if (!s) throw new Error(`no service "${name}" in the registry (packages/contracts/src/services.ts)`);
  return s;
}

/** The environment variable that overrides a subgraph's URL at the gateway: `SUBGRAPH_<NAME>_URL`. */
export const subgraphUrlVar = (name: string) => `SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`;
/** The environment variable through which a service finds another it calls: `<NAME>_GRAPHQL_URL`. */
export const graphqlUrlVar = (name: string) => `${name.toUpperCase().replace(/-/g, '_')}_GRAPHQL_URL`;

/** The services a service calls directly (the owners of the scopes it is granted: `dispatch.reply:read` → dispatch). */
export const calledServices = (s: ServiceEntry): string[] => [...new Set(s.grants.map((g) => g.split('.')[0]))];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * An `httpPaths` template as the gateway matches it: a plain prefix stays a string; one with
 * `:uuid` becomes a RegExp matching the path and anything below it (so `/cases/:uuid/attachments`
 * passes `/cases/<id>/attachments/...` through and leaves the web app's `/cases/<id>` alone).
 */
export function httpPathMatcher(template: string): string | RegExp {
  if (!template.includes(':')) return template;
  const source = template
    .split('/')
    .map((seg) => (seg === ':uuid' ? UUID : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('\\/');
  return new RegExp(`^${source}(?=\\/|$)`, 'i');
}

/**
 * The plain-prefix pass-through paths of the live services (`/open311`, `/imports`): the web
 * app's client-side routes must not shadow them. Template paths (`/cases/:uuid/attachments`)
 * share their first segment with the web app's pages and are matched before its fallback.
 */
export const plainHttpPrefixes = (): string[] => LIVE_SERVICES.flatMap((s) => s.httpPaths.filter((p) => !p.includes(':')));
