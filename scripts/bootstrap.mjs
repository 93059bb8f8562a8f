#!/usr/bin/env node
// The two commands: `npm start` and `npm test` (also `npm run build|schema|lint|bench`).
// On a fresh machine with only Node 20 and npm, this installs what the project needs — pnpm
// 12.4.2 (into .local/tools), the workspace dependencies, nats-server and, for tests, Chromium
// (Debian packages, when running as root) — or says exactly what is missing.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
const command = process.argv[2] ?? 'start';
const say = (m) => console.log(`[bootstrap] ${m}`);
const fail = (m) => {
  console.error(`[bootstrap] ${m}`);
  process.exit(1);
};
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', APOLLO_TELEMETRY_DISABLED: 'true', DO_NOT_TRACK: '1', npm_config_update_notifier: 'false' };

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js 20.19 or newer is needed (found ${process.versions.node}).`);
}

function run(bin, args, opts = {}) {
  const r = spawnSync(bin, args, { cwd: root, stdio: 'inherit', env, ...opts });
  if (r.error) fail(`${bin} ${args.join(' ')}: ${r.error.message}`);
  return r.status ?? 1;
}

/** pnpm, pinned: a global one of the right version, else our own copy in .local/tools. */
function ensurePnpm() {
  const toolsDir = path.join(root, '.local', 'tools');
  const local = path.join(toolsDir, 'node_modules', '.bin', 'pnpm');
  const localOk = fs.existsSync(local) && spawnSync(local, ['--version'], { encoding: 'utf8', env }).stdout?.trim() === PNPM_VERSION;
  if (!localOk) {
    say(`installing pnpm ${PNPM_VERSION} into .local/tools ...`);
    fs.mkdirSync(toolsDir, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    if (run(npm, ['install', '--prefix', toolsDir, '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${PNPM_VERSION}`]) !== 0) {
      fail(`could not install pnpm ${PNPM_VERSION} with npm; install it yourself: npm install -g pnpm@${PNPM_VERSION}`);
    }
  }
  // turbo (and every script or test runner it starts) looks for `pnpm` on PATH: put our own copy
  // first, so a machine without a global pnpm works exactly like one with it.
  const binDir = path.dirname(local);
  env.PATH = `${binDir}${path.delimiter}${env.PATH ?? ''}`;
  return local;
}

function aptInstall(pkgs, why) {
  if (!isRoot) return false;
  say(`installing ${pkgs.join(', ')} (${why}) with apt-get ...`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env: aptEnv }) !== 0) return false;
  return run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { env: aptEnv }) === 0;
}

const exists = (p) => fs.existsSync(p);
const natsBin = () => process.env.NATS_SERVER_BIN || ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find(exists);
const chromiumBin = () => process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(exists);

function ensureNats() {
  if (natsBin()) return;
  if (!aptInstall(['nats-server'], 'message broker with JetStream') || !natsBin()) {
    fail('nats-server (2.9 or newer) is missing. Install it: sudo apt-get update && sudo apt-get install -y nats-server — or set NATS_SERVER_BIN.');
  }
}

function ensureChromium() {
  if (chromiumBin()) return;
  if (!aptInstall(['chromium', 'fonts-noto-cjk'], 'browser tests') || !chromiumBin()) {
    fail(
      'Chromium is missing for the browser tests. Install it: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk — or set CHROMIUM_PATH.',
    );
  }
}

function install(pnpm) {
  const marker = path.join(root, 'node_modules', '.modules.yaml');
  const lock = path.join(root, 'pnpm-lock.yaml');
  if (exists(marker) && fs.statSync(marker).mtimeMs > fs.statSync(lock).mtimeMs && !process.env.CI) return;
  say('installing dependencies (pnpm install --frozen-lockfile) ...');
  if (run(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only']) !== 0) fail('pnpm install failed (see above).');
}

function build(pnpm) {
  say('building (turbo run build) ...');
  if (run(pnpm, ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) fail('build failed (see above).');
}

/** ESLint (eslint.config.mjs): each package's `lint` task through turbo, then the repo's own scripts. Non-zero on errors (warnings pass). */
function lint(pnpm, { quiet }) {
  say('linting (turbo run lint) ...');
  const packages = run(pnpm, ['exec', 'turbo', 'run', 'lint', '--concurrency=2', '--continue', `--output-logs=${quiet ? 'errors-only' : 'full'}`]);
  const own = run(pnpm, ['exec', 'eslint', ...(quiet ? ['--quiet'] : []), 'scripts', 'eslint.config.mjs']);
  say('checking the format (prettier --check; `npm run format` rewrites) ...');
  const format = run(pnpm, ['exec', 'prettier', '--check', '--log-level', 'warn', '.']);
  return [packages, own, format].find((c) => c !== 0) ?? 0;
}

/** The workspace packages' folders (apps/*, packages/*, infra/local, bench). */
function workspaceDirs() {
  const dirs = [];
  for (const parent of ['apps', 'packages', 'infra']) {
    const p = path.join(root, parent);
    if (!exists(p)) continue;
    for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
      if (entry.isDirectory() && exists(path.join(p, entry.name, 'package.json'))) dirs.push(path.join(p, entry.name));
    }
  }
  if (exists(path.join(root, 'bench', 'package.json'))) dirs.push(path.join(root, 'bench'));
  return dirs;
}

/** Sums the vitest JSON reports into one closing line. */
function summarize() {
  let passed = 0,
    failed = 0,
    skipped = 0;
  for (const dir of workspaceDirs()) {
    {
      const f = path.join(dir, 'test-results.json');
      if (!exists(f)) continue;
      try {
        const r = JSON.parse(fs.readFileSync(f, 'utf8'));
        passed += r.numPassedTests ?? 0;
        failed += r.numFailedTests ?? 0;
        skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
      } catch {
        /* a crashed run leaves no report: the exit code says it */
      }
    }
  }
  return { passed, failed, skipped };
}

checkNode();
const pnpm = ensurePnpm();
install(pnpm);
switch (command) {
  case 'build':
    build(pnpm);
    break;
  case 'schema': {
    build(pnpm);
    // The registry's live subgraphs (packages/contracts/src/services.ts, built just above).
    const { LIVE_SUBGRAPHS } = createRequire(import.meta.url)(path.join(root, 'packages', 'contracts', 'dist', 'services.js'));
    for (const { name: s } of LIVE_SUBGRAPHS) {
      const sdl = execFileSync(process.execPath, [path.join(root, 'apps', s, 'dist', 'print-schema.js')], { encoding: 'utf8' });
      fs.writeFileSync(path.join(root, 'apps', s, 'schema.graphql'), sdl);
    }
    fs.writeFileSync(
      path.join(root, 'docs', 'asyncapi.json'),
      execFileSync(process.execPath, [path.join(root, 'packages', 'contracts', 'dist', 'print-asyncapi.js')], { encoding: 'utf8' }),
    );
    const composed = run(process.execPath, [path.join(root, 'apps', 'gateway', 'dist', 'compose.js')]);
    if (composed !== 0) process.exit(composed);
    // The web client's typed documents (apps/web/src/gql) from the new supergraph's API schema.
    process.exit(run(pnpm, ['--filter', '@hotline/web', 'run', 'codegen']));
    break;
  }
  case 'start': {
    ensureNats();
    build(pnpm);
    const child = spawn(process.execPath, [path.join(root, 'infra', 'local', 'dist', 'main.js')], { cwd: root, stdio: 'inherit', env });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
    child.on('exit', (code) => process.exit(code ?? 0));
    break;
  }
  case 'test': {
    ensureNats();
    ensureChromium();
    build(pnpm);
    for (const dir of workspaceDirs()) fs.rmSync(path.join(dir, 'test-results.json'), { force: true });
    const t0 = Date.now();
    // TypeScript over every package's src and tests (tsconfig.test.json) and the web app.
    say('type-checking (turbo run typecheck) ...');
    const typecheck = run(pnpm, ['exec', 'turbo', 'run', 'typecheck', '--concurrency=2', '--continue', '--output-logs=errors-only']);
    const linted = lint(pnpm, { quiet: true });
    const code = run(pnpm, ['exec', 'turbo', 'run', 'test', '--concurrency=2', '--continue', '--output-logs=full']);
    const { passed, failed, skipped } = summarize();
    console.log(`\n[bootstrap] all tests finished in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const checks = [typecheck !== 0 ? 'the type check FAILED' : '', linted !== 0 ? 'lint or the format check FAILED' : ''].filter(Boolean);
    console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${checks.length ? `; ${checks.join(', ')} (see above)` : ''}`);
    process.exit(code !== 0 ? code : failed > 0 || typecheck !== 0 || linted !== 0 ? 1 : 0);
    break;
  }
  case 'lint':
    process.exit(lint(pnpm, { quiet: false }));
    break;
  case 'bench': {
    ensureNats();
    build(pnpm);
    process.exit(run(process.execPath, [path.join(root, 'bench', 'run.mjs'), ...process.argv.slice(3)]));
    break;
  }
  default:
    fail(`unknown command ${command}: use start, test, build, schema, lint or bench`);
}
