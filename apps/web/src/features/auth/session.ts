// The login session lives in sessionStorage (per tab, gone when the tab closes).
import { ERROR_MESSAGES } from '../../shared/errors';
import type { User } from '../../shared/types';

const TOKEN_KEY = 'hotline.token';
const EXPIRES_KEY = 'hotline.expiresAt';
const USER_KEY = 'hotline.user';
const FLASH_KEY = 'hotline.flash';

export const SESSION_EXPIRED_EVENT = 'hotline:session-expired';

export interface StoredSession {
  token: string;
  expiresAt: string;
  user: User;
}

export function saveSession(session: StoredSession): void {
  sessionStorage.setItem(TOKEN_KEY, session.token);
  sessionStorage.setItem(EXPIRES_KEY, session.expiresAt);
  sessionStorage.setItem(USER_KEY, JSON.stringify(session.user));
}

export function saveUser(user: User): void {
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
  sessionStorage.removeItem(USER_KEY);
}

function isExpired(): boolean {
  const expiresAt = sessionStorage.getItem(EXPIRES_KEY);
  if (!expiresAt) return false;
  const t = new Date(expiresAt).getTime();
  return Number.isFinite(t) && t <= Date.now();
}

/** The bearer token, or null when absent or past its expiry. */
export function getToken(): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  return isExpired() ? null : token;
}

export function loadUser(): User | null {
  if (!getToken()) return null;
  const raw = sessionStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}

/** A one-shot message for the login page (e.g. why the user was sent back there). */
export function setFlash(message: string): void {
  sessionStorage.setItem(FLASH_KEY, message);
}

export function peekFlash(): string | null {
  return sessionStorage.getItem(FLASH_KEY);
}

export function clearFlash(): void {
  sessionStorage.removeItem(FLASH_KEY);
}

/** Ends the session because the API refused the token; the app returns to the login page. */
export function expireSession(message: string = ERROR_MESSAGES.UNAUTHENTICATED): void {
  const hadSession = sessionStorage.getItem(TOKEN_KEY) !== null;
  clearSession();
  if (hadSession) setFlash(message);
  window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
}
