/**
 * A small router on the History API: the app's URL is its state, so pages can be bookmarked,
 * reloaded and walked with the browser's back and forward buttons. The server answers every
 * client route with index.html.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useSyncExternalStore } from 'react';

/** Where the app is: path, query string (with its `?`) and the History API state of the entry. */
export interface AppLocation {
  pathname: string;
  search: string;
  state: unknown;
}

/** How a navigation changes the history. */
export interface NavigateOptions {
  /** Replace the current entry instead of adding one (filters, redirects). */
  replace?: boolean | undefined;
  /** Kept with the history entry and handed back on back/forward. */
  state?: unknown;
}

function readLocation(): AppLocation {
  return { pathname: window.location.pathname, search: window.location.search, state: window.history.state };
}

// useSyncExternalStore needs the same object until something changes.
let currentLocation = readLocation();
const listeners = new Set<() => void>();

function publishLocation(): void {
  currentLocation = readLocation();
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', publishLocation);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Goes to `to` (a path with optional query) without reloading the page. */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const state = options.state ?? null;
  if (options.replace) {
    window.history.replaceState(state, '', to);
  } else {
    window.history.pushState(state, '', to);
    // A new page starts at its top; back/forward keep the browser's own scroll restoration.
    window.scrollTo(0, 0);
  }
  publishLocation();
}

/** The current location; re-renders the caller when it changes. */
export function useLocation(): AppLocation {
  return useSyncExternalStore(subscribe, () => currentLocation);
}

/**
 * Matches `pathname` against a pattern such as `/conversations/:id`; returns the decoded
 * parameters, or null when it does not match.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** Props of {@link Link}: those of `<a>`, with `to` instead of `href`. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  state?: unknown;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A real link (so it can be opened in a new tab) that navigates inside the app on a plain click. */
export function Link({ to, replace, state, onClick, children, ...anchorProps }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !isPlainLeftClick(event) || anchorProps.target) return;
    event.preventDefault();
    navigate(to, { replace, state });
  };
  return (
    <a href={to} onClick={handleClick} {...anchorProps}>
      {children}
    </a>
  );
}

/** Navigates to `to` as soon as it renders (replacing the current entry), rendering nothing. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}
