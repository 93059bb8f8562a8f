import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ASTNode,
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';

/**
 * Bounds on the work one request may ask for, the same in the gateway and in every subgraph (the
 * gateway is not the only door): nesting depth, estimated cost (aliases and list sizes count), the
 * length of any string argument, and — on subgraphs — no introspection and nothing at all without
 * a valid token except the operations a service names (identity's `login`).
 */

/** Refuses operations nested deeper than `max` selection levels (fragments followed). */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (!('selectionSet' in node) || !node.selectionSet) return depth;
      let deepest = depth;
      for (const sel of node.selectionSet.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, depthOf(sel, depth + 1, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(sel, depth, seen));
        } else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
          const f = fragments.get(sel.name.value);
          if (f) deepest = Math.max(deepest, depthOf(f, depth, new Set([...seen, sel.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(op) {
        const depth = depthOf(op, 0, new Set());
        if (depth > max) {
          context.reportError(new GraphQLError(`查询嵌套层级 ${depth} 超过上限 ${max}`, { nodes: [op], extensions: { code: 'QUERY_TOO_DEEP' } }));
        }
      },
    };
  };
}

export interface CostOptions {
  /** Most cost units one operation may ask for. */
  maxCost: number;
  /** Assumed size of a list field with no `limit` / `first` argument (default 5: replies, extensions, timeline entries of a case). */
  defaultListSize?: number;
}

const LIST_SIZE_ARGS = ['limit', 'first', 'last', 'pageSize'];

function argValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map((v) => argValue(v, variables));
    default:
      return undefined;
  }
}

/**
 * The estimated cost of an operation: every field it returns costs 1 — an object field 1 plus what
 * it selects — times the size of the list it sits in: the `limit`/`first` argument (variables
 * resolved), the number of `representations` for `_entities`, or `defaultListSize`. So 300 aliases
 * of `cases(limit: 500) { id }` cost 300 × 500 × 2 = 300,000. Introspection is not counted.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  defaultListSize = 5,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const costOf = (set: SelectionSetNode, parent: GraphQLObjectType | null, seen: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value))
          total += costOf(f.selectionSet, typeNamed(schema, f.typeCondition.name.value) ?? parent, new Set([...seen, f.name.value]));
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(sel.selectionSet, sel.typeCondition ? (typeNamed(schema, sel.typeCondition.name.value) ?? parent) : parent, seen);
        continue;
      }
      if (sel.name.value.startsWith('__')) continue;
      if (!sel.selectionSet) {
        total += 1;
        continue;
      }
      const def = parent?.getFields()[sel.name.value];
      const nullable = def ? getNullableType(def.type) : null;
      let size = 1;
      if (!def || isListType(nullable)) {
        size = defaultListSize;
        for (const a of sel.arguments ?? []) {
          const v = argValue(a.value, variables);
          if (LIST_SIZE_ARGS.includes(a.name.value) && typeof v === 'number' && Number.isFinite(v)) size = Math.max(0, v);
          if (a.name.value === 'representations' && Array.isArray(v)) size = v.length;
        }
      }
      const named = def ? getNamedType(def.type) : null;
      // An interface or union (e.g. `_entities`): the inline fragments below name the concrete type.
      total += size * (1 + costOf(sel.selectionSet, named && isObjectType(named) ? named : null, seen));
    }
    return total;
  };
  return costOf(operation.selectionSet, root ?? null, new Set());
}

function typeNamed(schema: GraphQLSchema, name: string): GraphQLObjectType | null {
  const t = schema.getType(name);
  return t && isObjectType(t) ? t : null;
}

/**
 * The longest inline string argument of each document seen: Apollo's document store hands the
 * same parsed document to every request with the same query text, so the walk runs once per text.
 */
const longestInline = new WeakMap<DocumentNode, number>();

/** The longest string found in the variables and the inline arguments of a document. */
function longestString(document: DocumentNode, variables: unknown): number {
  let longest = longestInline.get(document);
  if (longest === undefined) {
    let inline = 0;
    const visit = (node: unknown, depth: number) => {
      if (!node || typeof node !== 'object' || depth > 200) return;
      const n = node as { kind?: string; value?: unknown };
      if (n.kind === Kind.STRING && typeof n.value === 'string') inline = Math.max(inline, n.value.length);
      for (const [k, x] of Object.entries(node)) if (k !== 'loc') visit(x, depth + 1);
    };
    visit(document, 0);
    longestInline.set(document, inline);
    longest = inline;
  }
  const walk = (v: unknown, depth: number) => {
    if (typeof v === 'string') longest = Math.max(longest!, v.length);
    else if (depth < 20 && v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(variables, 0);
  return longest;
}

export interface RequestLimitOptions extends CostOptions {
  /** Longest string any argument or variable may hold (the longest free text a command takes, with room). */
  maxStringLength: number;
  /**
   * Subgraphs only: root fields an anonymous caller may use (identity: `login`). Every other
   * operation without a valid token is refused before it runs. Undefined: no such check (the gateway,
   * which lets the subgraphs decide).
   */
  anonymousFields?: readonly string[];
}

const refuse = (message: string, code: string, reason: string, status: number) => new GraphQLError(message, { extensions: { code, reason, http: { status } } });

/**
 * An Apollo plugin that checks each operation once it is parsed and validated, with its variables:
 * string length (BAD_USER_INPUT `INPUT_TOO_LONG`), cost (BAD_USER_INPUT `QUERY_TOO_COSTLY`) and,
 * when `anonymousFields` is given, a token (UNAUTHENTICATED, HTTP 401).
 */
export function requestLimitsPlugin<C extends BaseContext & { user?: unknown }>(opts: RequestLimitOptions): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          if (opts.anonymousFields && !contextValue.user) {
            const roots = operation.selectionSet.selections;
            const allowed = roots.every((s) => s.kind === Kind.FIELD && (opts.anonymousFields!.includes(s.name.value) || s.name.value === '__typename'));
            if (!allowed) throw refuse('未登录或登录已过期，请重新登录', 'UNAUTHENTICATED', 'TOKEN_REQUIRED', 401);
          }
          const longest = longestString(document, request.variables ?? {});
          if (longest > opts.maxStringLength) throw refuse(`输入内容过长（最多 ${opts.maxStringLength} 个字符）`, 'BAD_USER_INPUT', 'INPUT_TOO_LONG', 400);
          const cost = operationCost(schema, document, operation, request.variables ?? {}, opts.defaultListSize);
          if (cost > opts.maxCost)
            throw refuse(`查询过于庞大（估算成本 ${cost}，上限 ${opts.maxCost}），请减少别名或每页条数`, 'BAD_USER_INPUT', 'QUERY_TOO_COSTLY', 400);
        },
      };
    },
  };
}
