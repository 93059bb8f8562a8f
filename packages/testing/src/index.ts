export * from './infra';
export * from './client';
export * from './nats';
export { startStack, startService, freePort } from '@hotline/local';
export type { Stack } from '@hotline/local';
