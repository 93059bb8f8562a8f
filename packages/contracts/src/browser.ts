/**
 * The browser-safe part of the contracts (`@hotline/contracts/browser`): the domain's enums with
 * their Chinese labels and the case lifecycle. No Node modules, no zod: the web app imports these
 * instead of copying them.
 */
export * from './enums';
export * from './lifecycle';
