export * from './ports';
export * from './postgres';
export * from './nats';
export * from './services';
export * from './keys';
export * from './stack';
export * from './supervisor';
export * from './demo-story';
