export * from './calendar';
export * from './seed';
