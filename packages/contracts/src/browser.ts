/**
 * The browser-safe part of the contracts (`@hotline/contracts/browser`): the domain's enums with
 * their Chinese labels, the case lifecycle and the error reason lists (`errors/*.errors.ts`). No
 * Node modules, no zod: the web app imports these instead of copying them.
 */
export * from './enums';
export * from './lifecycle';
export * from './errors';
