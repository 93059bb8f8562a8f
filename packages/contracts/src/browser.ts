/**
 * The browser-safe part of the contracts (`@hotline/contracts/browser`): the domain's enums with
 * their Chinese labels, the case lifecycle, the error reason lists (`errors/*.errors.ts`) and the
 * district platform's export columns (`district-import.ts`). No
 * Node modules, no zod: the web app imports these instead of copying them.
 */
export * from './enums';
export * from './lifecycle';
export * from './errors';
export * from './district-import';
