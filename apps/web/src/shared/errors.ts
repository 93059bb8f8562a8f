// Turns API errors into plain Chinese. Raw GraphQL messages are never shown, except
// BAD_USER_INPUT and CONFLICT messages, which the server writes in Chinese.

export const ERROR_MESSAGES = {
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '工单不存在或无权查看',
  CONFLICT: '工单已被他人更新，请刷新后重试',
  BAD_USER_INPUT: '输入有误，请检查后重试',
  NETWORK: '无法连接服务器，请检查网络后重试',
  DEFAULT: '系统繁忙，请稍后重试',
} as const;

interface FormattedError {
  message?: string;
  extensions?: { code?: unknown } & Record<string, unknown>;
}

interface ErrorLike {
  graphQLErrors?: readonly FormattedError[];
  networkError?: (Error & { statusCode?: number; result?: unknown }) | null;
  message?: string;
}

/** Collects GraphQL errors from an ApolloError, including those in a 4xx response body. */
export function graphQLErrorsOf(error: unknown): FormattedError[] {
  if (!error || typeof error !== 'object') return [];
  const e = error as ErrorLike;
  const list: FormattedError[] = [...(e.graphQLErrors ?? [])];
  const result = e.networkError?.result;
  if (result && typeof result === 'object' && Array.isArray((result as { errors?: unknown }).errors)) {
    list.push(...(result as { errors: FormattedError[] }).errors);
  }
  return list;
}

/** The first `extensions.code` of an error, or NETWORK / undefined. */
export function errorCode(error: unknown): string | undefined {
  for (const ge of graphQLErrorsOf(error)) {
    const code = ge.extensions?.code;
    if (typeof code === 'string') return code;
  }
  const e = error as ErrorLike | null;
  if (e && typeof e === 'object' && e.networkError) {
    if (e.networkError.statusCode === 401) return 'UNAUTHENTICATED';
    if (e.networkError.statusCode === 403) return 'FORBIDDEN';
    return 'NETWORK';
  }
  return undefined;
}

function hasChinese(text: string | undefined): text is string {
  return !!text && /[\u4e00-\u9fff]/.test(text);
}

/** The message to show the user for any error thrown by an API call. */
export function errorMessage(error: unknown, overrides: Partial<Record<string, string>> = {}): string {
  const code = errorCode(error);
  if (code && overrides[code]) return overrides[code]!;
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'NETWORK':
      return ERROR_MESSAGES[code];
    case 'BAD_USER_INPUT':
    case 'CONFLICT': {
      const serverMessage = graphQLErrorsOf(error).find((ge) => ge.extensions?.code === code)?.message;
      return hasChinese(serverMessage) ? serverMessage : ERROR_MESSAGES[code];
    }
    default:
      return ERROR_MESSAGES.DEFAULT;
  }
}
