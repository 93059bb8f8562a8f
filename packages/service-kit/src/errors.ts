import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { COMMON_ERRORS, errorMessageOf, type ErrorCode, type ErrorEntry, type ErrorParams, type ErrorPlaceholders } from '@hotline/contracts';

/** The codes a client can rely on (extensions.code): contracts' `ERROR_CODES`. */
export type { ErrorCode };

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  BAD_USER_INPUT: '输入有误',
  UNAUTHENTICATED: '未登录或登录已过期，请重新登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '记录不存在或无权查看',
  CONFLICT: '数据已被他人更新，请刷新后重试',
  INTERNAL_SERVER_ERROR: '系统繁忙，请稍后重试',
};

/**
 * A refusal the domain knows about. `reason` is a stable, finer-grained code (e.g.
 * CASE_NOT_SIGNED) for clients and tests; the message is written for a person, in Chinese.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'DomainError';
  }
}

type CodedErrorArgs<M extends string> = [ErrorPlaceholders<M>] extends [never]
  ? [params?: ErrorParams<M>, details?: Record<string, unknown>]
  : [params: ErrorParams<M>, details?: Record<string, unknown>];

/**
 * The refusal an entry of a reason list (`packages/contracts/src/errors/*.errors.ts`) describes:
 * its code and reason, its message with the `{name}` values filled in (typed from the message),
 * and optional machine-readable `details`. `throw codedError(DISPATCH_ERRORS.WRONG_STAGE, { ... })`.
 */
export function codedError<M extends string>(entry: ErrorEntry<M>, ...[params, details]: CodedErrorArgs<M>): DomainError {
  return new DomainError(entry.code, entry.reason, errorMessageOf(entry.message, params as Record<string, string | number> | undefined), details);
}

export const badInput = (reason: string, message: string, details?: Record<string, unknown>) => new DomainError('BAD_USER_INPUT', reason, message, details);
export const notFound = (reason = 'NOT_FOUND', message?: string) => new DomainError('NOT_FOUND', reason, message);
export const forbidden = (reason = 'FORBIDDEN', message?: string) => new DomainError('FORBIDDEN', reason, message);
export const conflict = (reason: string, message?: string) => new DomainError('CONFLICT', reason, message);
export const unauthenticated = (reason = 'UNAUTHENTICATED', message?: string) => new DomainError('UNAUTHENTICATED', reason, message);

/** The one place errors become what clients see. Unknown errors are logged and hidden. */
export function formatError(onUnexpected: (err: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, reason: original.reason, ...(original.details ? { details: original.details } : {}) },
      };
    }
    if (original instanceof AuthenticationError) return { ...base, message: DEFAULT_MESSAGES.UNAUTHENTICATED, extensions: { code: 'UNAUTHENTICATED' } };
    if (original instanceof AuthorizationError) return { ...base, message: DEFAULT_MESSAGES.FORBIDDEN, extensions: { code: 'FORBIDDEN' } };
    if (original instanceof ArgumentValidationError) return { ...base, message: DEFAULT_MESSAGES.BAD_USER_INPUT, extensions: { code: 'BAD_USER_INPUT' } };
    if (original instanceof Error && original.name === 'OptimisticLockError') {
      return { ...base, message: COMMON_ERRORS.STALE_VERSION.message, extensions: { code: 'CONFLICT', reason: COMMON_ERRORS.STALE_VERSION.reason } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // GraphQL's own validation / parse / variable errors: keep their code, say it in Chinese.
      // (At the gateway these are the subgraphs' errors: their code, reason and details pass through.)
      const { reason, details } = formatted.extensions ?? {};
      const message =
        code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || (code === 'BAD_USER_INPUT' && !reason)
          ? `请求格式有误：${formatted.message}`
          : formatted.message;
      return { ...base, message, extensions: { code, ...(reason ? { reason } : {}), ...(details ? { details } : {}) } };
    }
    onUnexpected(error);
    return { ...base, message: DEFAULT_MESSAGES.INTERNAL_SERVER_ERROR, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Parses a command with its zod schema; the first problem becomes a coded, Chinese BAD_USER_INPUT. */
export function parseInput<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  value: unknown,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.map(String).join('.');
  // The message is for a person, in Chinese, and names the field itself; the field's code name
  // travels in `details.field` for the client to point at it.
  throw codedError(
    COMMON_ERRORS.INVALID_INPUT,
    { problem: issue.message },
    { field, issues: r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) },
  );
}

/** A UUID as Postgres accepts it (8-4-4-4-12 hex): anything else is answered NOT_FOUND, never sent to the database. */
export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
