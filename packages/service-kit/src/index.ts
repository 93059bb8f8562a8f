import 'reflect-metadata';
import { z } from 'zod';

// Validation messages reach bureau employees: Chinese by default.
z.config(z.locales.zhCN());
export * from './config';
export * from './logger';
export * from './errors';
export * from './auth';
export * from './nats';
export * from './orm';
export * from './outbox';
export * from './consumer';
export * from './schema';
export * from './http';
export * from './service';
export * from './loaders';
export * from './paging';
export * from './federation-refs';
export * from './service-client';
export * from './metrics';
export * from './roles';
export * from './schema-drift';
export * from './rest';
export * from './query-limits';
export * from './file-type';
export * from './sheets';
export * from './revocation';
export * from './calendar-years';
