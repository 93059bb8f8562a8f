// Ranks the CPU profiles written by bench/profile.mjs, cut to the load window: per process the
// busy time (samples not idle/GC-free program), then self time by module and by function, and
// inclusive time by module (a module counted once per sample however deep it recurs).
//   node bench/profile-rank.mjs /tmp/prof [--top 15]
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const topI = process.argv.indexOf('--top');
const top = topI > 0 ? Number(process.argv[topI + 1]) : 15;
const win = JSON.parse(fs.readFileSync(path.join(dir, 'window.json'), 'utf8'));

function moduleOf(url) {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = url.match(/\/(apps|packages)\/([^/]+)\/(?:dist|src)\/(.*)$/);
  if (m) return `${m[1]}/${m[2]}/${m[3].replace(/\.(js|ts)$/, '')}`;
  return url.replace(/^file:\/\//, '');
}

const rows = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = p.startTime;
  const selfMod = new Map(),
    selfFn = new Map(),
    inclMod = new Map(),
    inclFn = new Map();
  let busy = 0,
    idle = 0;
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    if (t < win.startUs || t > win.endUs) continue;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000; // ms until the next sample
    const n = byId.get(p.samples[i]);
    const fn = n.callFrame.functionName;
    if (fn === '(idle)') {
      idle += dt;
      continue;
    }
    if (fn === '(program)' || fn === '(garbage collector)') {
      busy += dt;
      add(selfMod, fn, dt);
      add(selfFn, fn, dt);
      continue;
    }
    busy += dt;
    const url = n.callFrame.url;
    add(selfMod, moduleOf(url), dt);
    add(selfFn, `${fn || '(anon)'} ${moduleOf(url)}:${n.callFrame.lineNumber + 1}`, dt);
    const seenM = new Set(),
      seenF = new Set();
    for (let id = n.id; id != null; id = parent.get(id)) {
      const c = byId.get(id).callFrame;
      if (!c.url) continue;
      seenM.add(moduleOf(c.url));
      seenF.add(`${c.functionName || '(anon)'} ${moduleOf(c.url)}:${c.lineNumber + 1}`);
    }
    for (const m of seenM) add(inclMod, m, dt);
    for (const m of seenF) add(inclFn, m, dt);
  }
  const svc = (p.nodes.find((n) => /apps\/[^/]+\/dist\/main\.js/.test(n.callFrame.url))?.callFrame.url.match(/apps\/([^/]+)\//) ?? [])[1] ?? f;
  rows.push({ svc, busy, idle, selfMod, selfFn, inclMod, inclFn });
}
rows.sort((a, b) => b.busy - a.busy);
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const list = (m, total) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `    ${fmt(v).padStart(8)} ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
    .join('\n');
console.log(`window ${((win.endUs - win.startUs) / 1e6).toFixed(1)} s, ${win.receives} receives`);
for (const r of rows) console.log(`${r.svc}: busy ${fmt(r.busy)}, idle ${fmt(r.idle)}`);
for (const r of rows) {
  console.log(
    `\n== ${r.svc} (busy ${fmt(r.busy)})\n  self by module:\n${list(r.selfMod, r.busy)}\n  inclusive by module:\n${list(r.inclMod, r.busy)}\n  self by function:\n${list(r.selfFn, r.busy)}\n  inclusive by function (app code):\n${list(new Map([...r.inclFn].filter(([k]) => / (apps|packages)\//.test(k))), r.busy)}`,
  );
}
