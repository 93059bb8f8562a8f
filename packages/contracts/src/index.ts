export * from './enums';
export * from './envelope';
export * from './events';
export * from './validate';
export * from './personal-data';
export * from './asyncapi';
export * from './subjects';
export * from './service-access';
