/**
 * Who is signed in. The session itself is an HTTP-only cookie the app cannot read, so the app
 * asks `/auth/me` once at start-up and afterwards trusts sign-in, sign-out and any 401 answer.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  ApiError,
  fetchCurrentSession,
  isAbortError,
  logout,
  onUnauthorized,
  setCsrfToken,
} from '../api/client';
import type { SessionResponse, User } from '../api/types';

/** What the app knows about the session. */
export type SessionState =
  | { status: 'checking' }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: User };

interface SessionContextValue {
  session: SessionState;
  /** Takes over the answer of a successful sign-in. */
  signIn(response: SessionResponse): void;
  /** Ends the session on the server (best effort) and forgets it here. */
  signOut(): Promise<void>;
  /** Asks the server again after it could not be reached at start-up. */
  retry(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Holds the session for the whole app. `firstCheck`: the answer of `/auth/me` asked for before
 * the app rendered (while its texts load), used instead of asking again.
 */
export function SessionProvider({
  children,
  firstCheck,
}: {
  children: ReactNode;
  firstCheck?: Promise<SessionResponse> | undefined;
}) {
  const [session, setSession] = useState<SessionState>({ status: 'checking' });

  const checkSession = useCallback((signal?: AbortSignal, pending?: Promise<SessionResponse>) => {
    (pending ?? fetchCurrentSession(signal)).then(
      (response) => {
        if (signal?.aborted) return;
        setCsrfToken(response.csrf_token);
        setSession({ status: 'signed-in', user: response.user });
      },
      (error: unknown) => {
        if (isAbortError(error) || signal?.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'client', 'Kvalita could not start; reload the page.');
        setSession(
          apiError.status === 401 ? { status: 'signed-out' } : { status: 'unavailable', error: apiError },
        );
      },
    );
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    checkSession(controller.signal, firstCheck);
    return () => controller.abort();
  }, [checkSession, firstCheck]);

  // Any 401 after start-up means the session expired or was revoked elsewhere.
  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setSession({ status: 'signed-out' });
      }),
    [],
  );

  const signIn = useCallback((response: SessionResponse) => {
    setCsrfToken(response.csrf_token);
    setSession({ status: 'signed-in', user: response.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // The cookie may already be gone; signing out locally is what the user asked for.
    }
    setCsrfToken(null);
    setSession({ status: 'signed-out' });
  }, []);

  const retry = useCallback(() => {
    setSession({ status: 'checking' });
    checkSession();
  }, [checkSession]);

  const value = useMemo(() => ({ session, signIn, signOut, retry }), [session, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session and what can be done with it; only inside {@link SessionProvider}. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered behind the sign-in check. */
export function useCurrentUser(): User {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useCurrentUser without a signed-in user');
  return session.user;
}
