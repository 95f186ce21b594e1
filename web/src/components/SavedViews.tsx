/**
 * Saved views of a list page: pick one to apply its filters, save the current filters under a
 * name (optionally for everyone), delete your own. Views are the page's URL query.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { deleteView, listViews, type SavedView, saveView, type ViewPage } from '../api/views';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { FieldErrors } from './FieldErrors';

/** Roles the API lets share a view. */
const SHARING_ROLES: readonly string[] = ['admin', 'manager', 'lead', 'reviewer'];

interface SavedViewsProps {
  page: ViewPage;
  /** The current filters as a URL query without `?`. */
  currentQuery: string;
  /** Applies a view's query to the page. */
  onApply: (query: string) => void;
}

function sameQuery(a: string, b: string): boolean {
  const sorted = (text: string) =>
    [...new URLSearchParams(text)]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
  return sorted(a) === sorted(b);
}

/** The saved-view picker and the form that saves the current filters. */
export function SavedViews({ page, currentQuery, onApply }: SavedViewsProps) {
  const { t } = useTranslation('conversations');
  const me = useCurrentUser();
  const idPrefix = useId();
  const views = useApiData(`views ${page}`, (signal) => listViews(page, signal));
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const all = views.data ?? [];
  const current = all.find((view) => sameQuery(view.query, currentQuery));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveView({ page, name: name.trim(), query: currentQuery, shared });
      setSaving(false);
      setName('');
      setShared(false);
      views.reload();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (view: SavedView) => {
    if (!window.confirm(t('views.confirmDelete', { name: view.name }))) return;
    setError(null);
    try {
      await deleteView(view.id);
      views.reload();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };

  return (
    <div className="saved-views" data-testid="saved-views">
      <label className="field__label" htmlFor={`${idPrefix}-view`}>
        {t('views.label')}
      </label>
      <select
        id={`${idPrefix}-view`}
        className="input"
        value={current ? String(current.id) : ''}
        onChange={(event) => {
          const chosen = all.find((view) => String(view.id) === event.target.value);
          if (chosen) onApply(chosen.query);
        }}
        data-testid="saved-view-select"
      >
        <option value="">{t('views.none')}</option>
        {all.map((view) => (
          <option key={view.id} value={String(view.id)}>
            {view.mine ? view.name : t('views.sharedBy', { name: view.name, owner: view.owner.name })}
          </option>
        ))}
      </select>
      {current?.mine || (current && me.role === 'admin') ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void remove(current)}
          data-testid="saved-view-delete"
        >
          {t('views.delete')}
        </button>
      ) : null}
      {saving ? (
        <form className="saved-views__form" onSubmit={(e) => void submit(e)} data-testid="saved-view-form">
          <label className="field__label" htmlFor={`${idPrefix}-name`}>
            {t('views.name')}
          </label>
          <input
            id={`${idPrefix}-name`}
            className="input"
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="saved-view-name"
          />
          {SHARING_ROLES.includes(me.role) ? (
            <label className="checkbox">
              <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
              {t('views.share')}
            </label>
          ) : null}
          <button
            type="submit"
            className="button"
            disabled={busy || !name.trim()}
            data-testid="saved-view-save"
          >
            {t('views.save')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setSaving(false)}>
            {t('views.cancel')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setSaving(true)}
          data-testid="saved-view-new"
        >
          {t('views.saveCurrent')}
        </button>
      )}
      {error ? <FieldErrors error={error} /> : null}
    </div>
  );
}
