/** Saved views: named list filters of the signed-in user, and the ones shared with everyone. */
import { request } from './client';

/** A page whose filters can be saved. */
export type ViewPage = 'conversations' | 'complaints' | 'reviews' | 'dashboard';

/** A saved view as the API returns it. */
export interface SavedView {
  id: number;
  page: ViewPage;
  name: string;
  /** The page's URL query, without `?` and without a page cursor. */
  query: string;
  shared: boolean;
  owner: { id: number; name: string };
  mine: boolean;
  updated_at: string;
}

/** The caller's views of a page and the shared ones, by name. */
export function listViews(page: ViewPage, signal?: AbortSignal): Promise<SavedView[]> {
  return request('GET', `/views?page=${encodeURIComponent(page)}`, { signal });
}

/** Saves the filters under a name; the caller's view of the same name is replaced. */
export function saveView(view: {
  page: ViewPage;
  name: string;
  query: string;
  shared: boolean;
}): Promise<SavedView> {
  return request('POST', '/views', { body: view });
}

/** Deletes a saved view. */
export function deleteView(id: number): Promise<void> {
  return request('DELETE', `/views/${encodeURIComponent(String(id))}`);
}
