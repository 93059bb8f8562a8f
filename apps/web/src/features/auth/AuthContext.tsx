import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApolloClient } from '@apollo/client';
import type { User } from '../../shared/types';
import { LOGIN_MUTATION, ME_QUERY } from './queries';
import { clearSession, expireSession, getToken, loadUser, saveSession, saveUser, SESSION_EXPIRED_EVENT } from './session';

interface AuthValue {
  user: User | null;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

interface LoginData {
  login: { token: string; expiresAt: string; user: User };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [user, setUser] = useState<User | null>(() => loadUser());

  // The API refused our token: drop the user; routes redirect to the login page.
  useEffect(() => {
    const onExpired = () => {
      setUser(null);
      void client.clearStore();
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, onExpired);
  }, [client]);

  // Refresh the stored user once per page load (role or department may have changed).
  useEffect(() => {
    if (!getToken()) return;
    client
      .query<{ me: User | null }>({ query: ME_QUERY, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (!data.me) expireSession();
        else {
          saveUser(data.me);
          setUser(data.me);
        }
      })
      .catch(() => {
        /* UNAUTHENTICATED is handled by the error link; other failures keep the stored user. */
      });
  }, [client]);

  const login = useCallback(
    async (username: string, password: string) => {
      const { data } = await client.mutate<LoginData>({
        mutation: LOGIN_MUTATION,
        variables: { username, password },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('empty login response');
      await client.clearStore();
      saveSession(data.login);
      setUser(data.login.user);
      return data.login.user;
    },
    [client],
  );

  const logout = useCallback(async () => {
    clearSession();
    setUser(null);
    await client.clearStore();
  }, [client]);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser used without a signed-in user');
  return user;
}
