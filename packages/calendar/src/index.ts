export * from './calendar';
export * from './seed';
export * from './loaded-calendar';
