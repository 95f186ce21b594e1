import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { buildQueryString, listConversations } from '../api/client';
import { ConversationFilterBar } from '../components/ConversationFilterBar';
import { ConversationTable } from '../components/ConversationTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Pager } from '../components/Pager';
import { SavedViews } from '../components/SavedViews';
import {
  type ConversationFilters,
  cursorFromSearch,
  EMPTY_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  hasActiveFilters,
  toListQuery,
} from '../lib/conversationFilters';
import { navigate, useLocation } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** Rows per page. */
export const PAGE_SIZE = 50;
const LIST_PATH = '/conversations';

/**
 * History state of a list page: the cursors of the pages before it ('' is the first page).
 * The API pages forward only, so "Previous" goes back along this stack; keeping it in the
 * history entry lets the browser's back button return to the same page after opening a row.
 */
interface ListHistoryState {
  previousCursors: string[];
}

function previousCursorsOf(state: unknown): string[] {
  const cursors = (state as Partial<ListHistoryState> | null)?.previousCursors;
  return Array.isArray(cursors) ? cursors.filter((cursor) => typeof cursor === 'string') : [];
}

function listUrl(filters: ConversationFilters, cursor?: string): string {
  return `${LIST_PATH}${filtersToSearch(filters, cursor)}`;
}

/** The conversation list: filters from the URL, one API request per page, cursor paging. */
export function ConversationListPage() {
  const { t } = useTranslation('conversations');
  useDocumentTitle(t('list.title'));
  const { search, state } = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const cursor = cursorFromSearch(search);
  const previousCursors = previousCursorsOf(state);
  const query = toListQuery(filters, cursor, PAGE_SIZE);
  const page = useApiData(buildQueryString(query), (signal) => listConversations(query, signal));

  // A new filter starts again at the first page; replacing the entry keeps typing out of the history.
  const changeFilters = (next: ConversationFilters) => navigate(listUrl(next), { replace: true });
  const goToNextPage = () => {
    const nextCursor = page.data?.next_cursor;
    if (!nextCursor) return;
    const state: ListHistoryState = { previousCursors: [...previousCursors, cursor ?? ''] };
    navigate(listUrl(filters, nextCursor), { state });
  };
  const goToPreviousPage = () => {
    // Without a stack (a bookmarked later page) "Previous" can only go to the first page.
    const previousCursor = previousCursors.at(-1) || undefined;
    const state: ListHistoryState = { previousCursors: previousCursors.slice(0, -1) };
    navigate(listUrl(filters, previousCursor), { state });
  };

  const filtered = hasActiveFilters(filters);
  const rows = page.data?.items ?? [];
  const pageNumber =
    cursor === undefined ? 1 : previousCursors.length > 0 ? previousCursors.length + 1 : null;

  const emptyState =
    page.loading && !page.data ? (
      <p className="muted" data-testid="conversations-loading">
        {t('list.loading')}
      </p>
    ) : filtered ? (
      <div className="empty-state" data-testid="conversations-empty">
        <p>{t('list.noMatch')}</p>
        <button
          type="button"
          className="button"
          onClick={() => changeFilters({ ...EMPTY_FILTERS, sort: filters.sort })}
        >
          {t('filters.clear')}
        </button>
      </div>
    ) : cursor ? (
      <p className="empty-state" data-testid="conversations-empty">
        {t('list.noMore')}
      </p>
    ) : (
      <p className="empty-state" data-testid="conversations-empty">
        <Trans t={t} i18nKey="list.none" components={{ code: <code translate="no" /> }} />
      </p>
    );

  return (
    <div className="conversation-list-page">
      <div className="page-header">
        <h1 className="page-title">{t('list.title')}</h1>
        <p className="page-header__meta muted" aria-live="polite">
          {page.loading
            ? t('common:loading')
            : page.data && !page.error
              ? t('list.onThisPage', { count: page.data.items.length })
              : ''}
        </p>
      </div>
      <SavedViews
        page="conversations"
        currentQuery={filtersToSearch(filters).replace(/^\?/, '')}
        onApply={(query) => changeFilters(filtersFromSearch(query))}
      />
      <ConversationFilterBar filters={filters} onChange={changeFilters} />
      {page.error ? (
        page.error.status === 400 && cursor ? (
          // A cursor from an old bookmark or another server: only a fresh start helps.
          <ErrorNotice
            error={page.error}
            retryLabel={t('list.firstPage')}
            onRetry={() => navigate(listUrl(filters), { replace: true })}
          />
        ) : (
          <ErrorNotice error={page.error} onRetry={page.reload} />
        )
      ) : (
        <ConversationTable conversations={rows} busy={page.loading} emptyState={emptyState} />
      )}
      <Pager
        pageNumber={pageNumber}
        hasPrevious={cursor !== undefined}
        hasNext={Boolean(page.data?.next_cursor) && !page.error}
        disabled={page.loading}
        onPrevious={goToPreviousPage}
        onNext={goToNextPage}
      />
    </div>
  );
}
