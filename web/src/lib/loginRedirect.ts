/** Paths between the sign-in page and the page the user wanted. */

/** Where the sign-in page sends the user when the URL names no page to return to. */
export const HOME_PATH = '/conversations';

/**
 * The page to open after signing in, from the `next` query parameter. Only paths of this app
 * are accepted, so a crafted link cannot send the user to another site.
 */
export function returnPathFromSearch(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH;
  if (next === '/login' || next.startsWith('/login?')) return HOME_PATH;
  return next;
}

/** The sign-in URL that comes back to `path` afterwards. */
export function loginUrlReturningTo(path: string): string {
  return path === '/' || path.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}
