import { BaseConfigSchema } from '@hotline/service-kit';
import { z } from 'zod';
import { ServiceClients } from './auth/service-clients';

export const IdentityConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(4101),
  /** ES256 private key (PKCS#8 PEM). Required in production; generated per run otherwise. */
  JWT_PRIVATE_KEY_FILE: z.string().optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),
  /**
   * Failed logins allowed per username and address within LOGIN_WINDOW_SECONDS (then that address
   * is locked for that user); also the failures of a user, from anywhere, after which each try
   * waits 1 s, 2 s, 4 s … up to LOGIN_MAX_DELAY_SECONDS (docs/security.md).
   */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
  /** Failed logins from one address, any users, before the address is locked (password spraying). */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).default(300),
  /** identity serves the JWKS itself; others read it from here. */
  IDENTITY_JWKS_URL: z.url().default('http://127.0.0.1:4101/.well-known/jwks.json'),
  /** Services that may get a service token: "intake=<secret>,callback=<secret>" (secrets ≥ 24 chars). */
  SERVICE_CLIENTS: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        new ServiceClients(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message.replace(/^SERVICE_CLIENTS: /, '') });
      }
    }),
  SERVICE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3_600).default(300),
  /** Departments to create or rename at start: JSON array of { code, name }. */
  DEPARTMENTS_FILE: z.string().optional(),
}).refine((c) => c.NODE_ENV !== 'production' || !!c.JWT_PRIVATE_KEY_FILE, {
  path: ['JWT_PRIVATE_KEY_FILE'],
  message: 'is required when NODE_ENV=production',
});
export type IdentityConfig = z.infer<typeof IdentityConfigSchema>;
