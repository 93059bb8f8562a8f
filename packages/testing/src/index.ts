export * from './infra';
export * from './client';
export * from './nats';
export { startStack, startService, freePort, playDemoStory, expectedDemoCounts, DEMO_STORY } from '@hotline/local';
export type { Stack } from '@hotline/local';
