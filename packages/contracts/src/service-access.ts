import { SERVICES } from './services';

/**
 * 服务间调用 (service-to-service calls): what one service may ask of another, outside the
 * event stream. identity issues a short-lived token (role `service`, its own audience) to a
 * service that proves its client secret; the token carries the scopes granted here and nothing
 * else. The gateway refuses such tokens: they are for calls between subgraphs only.
 */
export const SERVICE_ROLE = 'service' as const;

/** Every scope a service token can carry, with what it allows (Chinese for the admin's eyes). */
export const SERVICE_SCOPES = {
  /** intake reads the full text of the approved reply for 办结反馈 (events carry only a digest). */
  'dispatch.reply:read': '读取办结答复全文（办结反馈）',
  /** dispatch reads a case's whole text, personal data masked, for routing suggestions (events carry only a digest). */
  'intake.case-text:read': '读取工单全文（已脱敏，用于分转建议）',
  /** intake asks callback whether a 回访员 holds the open callback task of a case (before revealing the phone). */
  'callback.task:read': '核对回访任务的承办人（查看来电人电话前）',
  /** callback asks identity whether a user is an active 回访员 (before assigning a callback task to them). */
  'identity.callback-agent:read': '核对在岗回访员（分配回访任务前）',
} as const;
export type ServiceScope = keyof typeof SERVICE_SCOPES;

/**
 * Which service (client id) is granted which scopes, from the registry's `grants`
 * (services.ts). A client not listed here gets no token.
 */
export const SERVICE_GRANTS: Readonly<Record<string, readonly ServiceScope[]>> = Object.fromEntries(
  SERVICES.filter((s) => s.grants.length > 0).map((s) => [s.name, s.grants]),
);

/** The `@Authorized` entry that lets a service token with this scope through. */
export const scopeRule = <S extends ServiceScope>(scope: S): `scope:${S}` => `scope:${scope}`;
