// The repo's own ESLint rules (eslint.config.mjs):
// - `hotline/service-boundaries` (error): a file of apps/<x> or packages/<x> imports only its own
//   folder by relative path; another workspace package only through its package name and the
//   entries it exports (`@hotline/contracts`, `@hotline/contracts/browser`), never its src/ or dist/.
//   Services talk through events and the gateway, not through each other's files.
// - `hotline/import-order` (warning): node built-ins, then packages, then `@hotline/*`, then relative
//   paths — the order the code already follows (no alphabetizing within a group).
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKSPACE_PARENTS = new Set(['apps', 'packages', 'infra', 'bench']);
const BUILTINS = new Set(builtinModules);

/** The workspace folder a file belongs to (`apps/dispatch`, `packages/contracts`, `bench`), or null. */
export function workspaceFolderOf(file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === '..' || !WORKSPACE_PARENTS.has(rel[0])) return null;
  if (rel[0] === 'bench') return 'bench';
  return rel.length > 2 ? `${rel[0]}/${rel[1]}` : null;
}

/** Every specifier a file imports or re-exports (static imports, `export … from`, `import()`, `require()`). */
function specifierVisitors(check) {
  const literal = (node) => (node && node.type === 'Literal' && typeof node.value === 'string' ? node : null);
  return {
    ImportDeclaration: (node) => check(node.source),
    ExportNamedDeclaration: (node) => node.source && check(node.source),
    ExportAllDeclaration: (node) => check(node.source),
    ImportExpression: (node) => literal(node.source) && check(node.source),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && literal(node.arguments[0])) check(node.arguments[0]);
    },
    TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression),
  };
}

const serviceBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "No imports of another service's or package's files: packages only through their package name" },
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } }, required: ['from', 'to'] } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      crossFolder:
        "'{{spec}}' reaches into {{target}} from {{own}}: another service's files are not ours to import — use an event, the gateway, or a package's exported entry.",
      deepPackage: "'{{spec}}' reaches into a package's {{part}}/: import the package by its name ('{{pkg}}') or an entry it exports.",
    },
  },
  create(context) {
    const file = context.filename;
    const own = workspaceFolderOf(file);
    // Declared exceptions, as folder prefixes from the repo root (the gateway's browser tests run the web's e2e scenarios).
    const allow = (context.options[0]?.allow ?? []).map(({ from, to }) => ({ from: path.join(root, from) + path.sep, to: path.join(root, to) + path.sep }));
    return specifierVisitors((source) => {
      const spec = source.value;
      if (spec.startsWith('.')) {
        if (!own) return;
        const resolved = path.resolve(path.dirname(file), spec);
        const target = workspaceFolderOf(resolved);
        if (allow.some((a) => file.startsWith(a.from) && (resolved + path.sep).startsWith(a.to))) return;
        if (target !== own)
          context.report({ node: source, messageId: 'crossFolder', data: { spec, own, target: target ?? (path.relative(root, resolved) || '.') } });
        return;
      }
      const m = /^(@hotline\/[^/]+)\/(src|dist|test|node_modules)(\/|$)/.exec(spec);
      if (m) context.report({ node: source, messageId: 'deepPackage', data: { spec, part: m[2], pkg: m[1] } });
    });
  },
};

/** 0 built-in, 1 package, 2 `@hotline/*`, 3 relative. */
export function importGroup(spec) {
  if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) return 0;
  if (spec.startsWith('.')) return 3;
  if (spec.startsWith('@hotline/')) return 2;
  return 1;
}
const GROUP_NAMES = ['Node built-ins', 'packages', '@hotline/* packages', 'relative imports'];

const importOrder = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Imports grouped: Node built-ins, packages, @hotline/*, relative paths' },
    schema: [],
    messages: { order: "'{{spec}}' ({{group}}) should come before {{after}}." },
  },
  create(context) {
    return {
      Program(program) {
        let highest = -1;
        for (const node of program.body) {
          if (node.type !== 'ImportDeclaration' || node.specifiers.length === 0) continue; // side-effect imports keep their place
          const group = importGroup(node.source.value);
          if (group < highest)
            context.report({ node, messageId: 'order', data: { spec: node.source.value, group: GROUP_NAMES[group], after: GROUP_NAMES[highest] } });
          highest = Math.max(highest, group);
        }
      },
    };
  },
};

export default { meta: { name: 'hotline' }, rules: { 'service-boundaries': serviceBoundaries, 'import-order': importOrder } };
