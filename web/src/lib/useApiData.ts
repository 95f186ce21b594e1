import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbortError } from '../api/client';

/** State of data loaded from the API. */
export interface ApiData<T> {
  /** The last data loaded; kept while the next request runs so the screen does not flash empty. */
  data: T | undefined;
  /** True while the request for the current key has not answered yet. */
  loading: boolean;
  /** Why the request for the current key failed. */
  error: ApiError | undefined;
  /** Asks again for the current key. */
  reload(): void;
}

interface Settled<T> {
  /** Which request (key and reload count) this answer belongs to. */
  token: string;
  data: T | undefined;
  error: ApiError | undefined;
}

/**
 * Loads data with `load` whenever `requestKey` changes (one request per key) and cancels the
 * request that is no longer wanted, so a slow old answer never replaces a newer one.
 */
export function useApiData<T>(requestKey: string, load: (signal: AbortSignal) => Promise<T>): ApiData<T> {
  const [reloadCount, setReloadCount] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ token: '', data: undefined, error: undefined });
  // The latest `load` closure: the request is identified by `requestKey`, not by the function.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const token = `${reloadCount}:${requestKey}`;

  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => setSettled({ token, data, error: undefined }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'client', error instanceof Error ? error.message : 'failed');
        setSettled((previous) => ({ token, data: previous.data, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [token]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  const answered = settled.token === token;
  return {
    data: settled.data,
    loading: !answered,
    error: answered ? settled.error : undefined,
    reload,
  };
}
