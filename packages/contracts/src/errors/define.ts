/**
 * Error reason lists (`*.errors.ts`): every refusal a service can answer, with its
 * `extensions.code`, its stable `reason` and its Chinese message, in one place per domain —
 * instead of strings inline in the code. Browser-safe (no Node, no zod): the web reads the same
 * lists (`@hotline/contracts/browser`). A service throws one with the kit's `codedError(entry,
 * params)`; a test scans the converted services for inline reasons.
 */

/** The codes a client can rely on (`extensions.code`). */
export const ERROR_CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL_SERVER_ERROR'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One entry as written in a list. `message` is Chinese, for a person; `{name}` marks a value the
 * thrower passes (typed: a missing or misspelt one does not compile). `reason` defaults to the
 * entry's key; an entry names another reason only to give one reason a second wording.
 */
export interface ErrorSpec {
  readonly code: ErrorCode;
  readonly message: string;
  readonly reason?: string;
}

/** A list entry, with its reason filled in. */
export interface ErrorEntry<M extends string = string, R extends string = string> {
  readonly code: ErrorCode;
  readonly reason: R;
  readonly message: M;
}

type Defined<T extends Record<string, ErrorSpec>> = {
  readonly [K in keyof T & string]: ErrorEntry<T[K]['message'], T[K]['reason'] extends string ? T[K]['reason'] : K>;
};

/** Declares a domain's list (keys are the reasons, unless an entry says otherwise). */
export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): Defined<T> {
  const out: Record<string, ErrorEntry> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = Object.freeze({ code: spec.code, reason: spec.reason ?? key, message: spec.message });
  return Object.freeze(out) as Defined<T>;
}

/** The `{name}` placeholders of a message template. */
export type ErrorPlaceholders<M extends string> = M extends `${string}{${infer P}}${infer Rest}` ? P | ErrorPlaceholders<Rest> : never;
/** The values a message needs (none: nothing to pass). */
export type ErrorParams<M extends string> = [ErrorPlaceholders<M>] extends [never] ? Record<string, never> : Record<ErrorPlaceholders<M>, string | number>;

/** Fills a message template's `{name}` placeholders (an unknown one is left as written). */
export function errorMessageOf(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
