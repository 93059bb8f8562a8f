import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EVENT_PRODUCERS,
  EVENT_TYPES,
  GATEWAY_PORT,
  graphqlUrlVar,
  calledServices,
  httpPathMatcher,
  LIVE_SERVICES,
  SERVICE_GRANTS,
  SERVICES,
  subgraphUrlVar,
} from '../src';

/**
 * The service registry (src/services.ts) is the one list of services. What is built from it
 * (gateway, infra/local, bootstrap) follows by construction; this test fails when a registered
 * service is missing from — or differs in — a file that is written by hand or generated.
 */
const repo = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(repo, file));

/** NATS subject matching: `*` is one token, `>` the rest. */
function allows(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}

/** A top-level block of a YAML map at `indent` spaces (`  intake:` … up to the next key at that indent). */
function yamlBlock(text: string, key: string, indent: number): string | undefined {
  const lines = text.split('\n');
  const pad = ' '.repeat(indent);
  const start = lines.findIndex((l) => l === `${pad}${key}:`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => new RegExp(`^ {0,${indent}}[a-zA-Z0-9_-]+:`).test(l));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

/** `user: <name>` blocks of accounts.conf and their publish allow-lists. */
function natsUsers(conf: string): Map<string, string[]> {
  const users = new Map<string, string[]>();
  const userRe = /user:\s*([a-z]+)\s*\n\s*password:[^\n]*\n\s*permissions:\s*\{\s*publish:\s*\{\s*allow:\s*\[([\s\S]*?)\]/g;
  for (const m of conf.matchAll(userRe))
    users.set(
      m[1],
      [...m[2].matchAll(/"([^"]+)"/g)].map((s) => s[1]),
    );
  return users;
}

/** Files of a folder, recursively. */
function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the service registry', () => {
  it('names each service, port and database once', () => {
    const names = SERVICES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const ports = [GATEWAY_PORT, ...SERVICES.map((s) => s.port)];
    expect(new Set(ports).size).toBe(ports.length);
    for (const s of SERVICES) expect(s.database).toBe(`hotline_${s.name}`);
  });

  it('every app folder with a main (besides the gateway and the web app) is a live service, and every live service has its folder', () => {
    const apps = fs.readdirSync(path.join(repo, 'apps')).filter((d) => exists(`apps/${d}/src/main.ts`) && d !== 'gateway');
    expect(apps.sort(), 'apps/* vs live services in packages/contracts/src/services.ts').toEqual(LIVE_SERVICES.map((s) => s.name).sort());
  });

  it("each live service's default port is the registry's (src/config.ts)", () => {
    for (const s of LIVE_SERVICES) {
      const m = /PORT:[^\n]*default\((\d+)\)/.exec(read(`apps/${s.name}/src/config.ts`));
      expect(m?.[1], `apps/${s.name}/src/config.ts PORT default`).toBe(String(s.port));
    }
  });

  it('the committed supergraph composes exactly the live subgraphs, each from its committed schema.graphql', () => {
    const supergraph = read('apps/gateway/supergraph.graphql');
    const graphs = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
    expect(graphs.sort()).toEqual(
      LIVE_SERVICES.filter((s) => s.subgraph)
        .map((s) => s.name)
        .sort(),
    );
    for (const s of LIVE_SERVICES.filter((x) => x.subgraph)) {
      expect(exists(`apps/${s.name}/schema.graphql`), `apps/${s.name}/schema.graphql`).toBe(true);
      expect(supergraph, `${s.name}'s default URL in the supergraph`).toContain(`@join__graph(name: "${s.name}", url: "http://127.0.0.1:${s.port}/graphql")`);
    }
  });

  it('each event of the catalogue is published by exactly one live service, the one EVENT_PRODUCERS names', () => {
    const wrong: string[] = [];
    for (const type of EVENT_TYPES) {
      const producers = SERVICES.filter((s) => s.publishes.some((p) => allows(p, type))).map((s) => s.name);
      if (producers.length !== 1 || producers[0] !== EVENT_PRODUCERS[type])
        wrong.push(`${type}: registry ${producers.join('+') || 'none'}, EVENT_PRODUCERS ${EVENT_PRODUCERS[type]}`);
      if (!LIVE_SERVICES.some((s) => s.name === producers[0])) wrong.push(`${type}: producer ${producers[0]} is not live`);
    }
    expect(wrong).toEqual([]);
  });

  it("each live service's consumers filter on the subjects the registry lists", () => {
    for (const s of LIVE_SERVICES) {
      const subjects = new Set<string>();
      for (const f of walk(path.join(repo, 'apps', s.name, 'src')).filter((x) => x.endsWith('.consumer.ts'))) {
        for (const m of fs.readFileSync(f, 'utf8').matchAll(/subject:\s*'([^']+)'/g)) subjects.add(m[1]);
      }
      expect([...subjects].sort(), `${s.name}'s *.consumer.ts subjects`).toEqual([...s.consumes].sort());
    }
  });

  it('service grants come from the registry', () => {
    expect(SERVICE_GRANTS).toEqual(Object.fromEntries(SERVICES.filter((s) => s.grants.length).map((s) => [s.name, [...s.grants]])));
  });

  it('pass-through paths become prefixes or anchored patterns', () => {
    expect(httpPathMatcher('/imports')).toBe('/imports');
    const re = httpPathMatcher('/cases/:uuid/attachments') as RegExp;
    expect(re.test('/cases/0b0e3c1a-1111-4222-8333-944445555666/attachments/x')).toBe(true);
    expect(re.test('/cases/0b0e3c1a-1111-4222-8333-944445555666')).toBe(false);
    expect(re.test('/cases/not-a-uuid/attachments')).toBe(false);
  });

  for (const file of ['infra/nats/accounts.conf', 'infra/k8s/nats/accounts.conf']) {
    it(`${file}: one NATS user per service, allowed to publish exactly its registered subjects`, () => {
      const users = natsUsers(read(file));
      for (const s of SERVICES) {
        const allow = users.get(s.name);
        expect(allow, `user ${s.name} in ${file}`).toBeDefined();
        expect(allow!.filter((p) => p.startsWith('hotline.')).sort(), `${s.name}'s event subjects in ${file}`).toEqual([...s.publishes].sort());
        if (s.consumes.length)
          expect(allow, `${s.name} consumes: pull and ack rights`).toEqual(
            expect.arrayContaining(['$JS.API.CONSUMER.MSG.NEXT.HOTLINE.*', '$JS.ACK.HOTLINE.>', 'deadletter.>']),
          );
      }
    });
  }

  it('infra/docker/compose.yaml runs each service on its port, database and NATS user; the gateway knows each live subgraph', () => {
    const compose = read('infra/docker/compose.yaml');
    const services = yamlBlock(compose, 'services', 0)!;
    const gateway = yamlBlock(services, 'gateway', 2)!;
    const identity = yamlBlock(services, 'identity', 2)!;
    for (const s of SERVICES) {
      const block = yamlBlock(services, s.name, 2);
      expect(block, `compose service ${s.name}`).toBeDefined();
      expect(block).toContain(`args: { SERVICE: ${s.name}, PORT: "${s.port}" }`);
      expect(block).toContain(`PORT: "${s.port}"`);
      expect(block).toMatch(new RegExp(`DATABASE_URL: \\S+/${s.database}\\n`));
      expect(block).toContain(`NATS_USER: ${s.name}`);
      expect(/profiles: \[later\]/.test(block!), `${s.name}: profile "later" only while planned`).toBe(s.status === 'planned');
      const url = `${subgraphUrlVar(s.name)}: http://${s.name}:${s.port}/graphql`;
      if (s.status === 'live' && s.subgraph) {
        expect(gateway, `gateway env ${url}`).toContain(url);
        expect(gateway, `gateway depends_on ${s.name}`).toMatch(new RegExp(`\\n {6}${s.name}:\\n {8}condition: service_healthy`));
      } else expect(gateway).not.toContain(subgraphUrlVar(s.name));
      if (s.grants.length) {
        expect(block).toContain(`SERVICE_CLIENT_ID: ${s.name}`);
        expect(identity).toMatch(new RegExp(`SERVICE_CLIENTS: .*\\b${s.name}=`));
        for (const t of calledServices(s)) expect(block).toContain(`${graphqlUrlVar(t)}: http://${t}:${serviceNamed(t).port}/graphql`);
      }
    }
    expect(
      read('infra/docker/postgres-init.sql')
        .match(/\('hotline_[a-z]+'\)/g)
        ?.map((x) => x.slice(2, -2))
        .sort(),
    ).toEqual(SERVICES.map((s) => s.database).sort());
    for (const s of SERVICES) expect(read('infra/docker/Dockerfile'), `Dockerfile SERVICE/PORT check`).toContain(`${s.name}:${s.port}`);
  });

  it('infra/k8s has a manifest per service (live: listed in kustomization.yaml; planned: under later/), and the gateway knows each live subgraph', () => {
    const kustomization = read('infra/k8s/kustomization.yaml');
    const gateway = read('infra/k8s/gateway.yaml');
    const secrets = read('infra/k8s/secrets.example.yaml');
    for (const s of SERVICES) {
      const file = s.status === 'live' ? `infra/k8s/${s.name}.yaml` : `infra/k8s/later/${s.name}.yaml`;
      expect(exists(file), file).toBe(true);
      const manifest = read(file);
      expect(manifest, `${file} kind: Deployment`).toMatch(/kind: Deployment/);
      expect(manifest, `${file} containerPort`).toContain(`containerPort: ${s.port}`);
      expect(manifest, `${file} image`).toContain(`image: hotline/${s.name}`);
      expect(secrets).toContain(`${s.name.toUpperCase()}_DATABASE_URL: postgres://hotline_${s.name}:CHANGE-ME@postgres.example.internal:5432/${s.database}`);
      const listed = new RegExp(`^  - ${s.name}\\.yaml$`, 'm').test(kustomization);
      expect(listed, `kustomization.yaml resources: ${s.name}.yaml`).toBe(s.status === 'live');
      expect(new RegExp(`^  - name: hotline/${s.name}$`, 'm').test(kustomization), `kustomization.yaml images: hotline/${s.name}`).toBe(s.status === 'live');
      const env = new RegExp(`- name: ${subgraphUrlVar(s.name)}\\n\\s+value: http://${s.name}:${s.port}/graphql`);
      expect(env.test(gateway), `infra/k8s/gateway.yaml ${subgraphUrlVar(s.name)}`).toBe(s.status === 'live' && s.subgraph);
      for (const t of calledServices(s))
        if (s.status === 'live') expect(manifest).toMatch(new RegExp(`- name: ${graphqlUrlVar(t)}\\n\\s+value: http://${t}:${serviceNamed(t).port}/graphql`));
    }
  });
});

function serviceNamed(name: string) {
  return SERVICES.find((s) => s.name === name)!;
}
