/**
 * The scorecard editor: name, pass mark and categories (weight, scale, critical, N/A, guidance),
 * saved as a new version. An edit started from an older version than the current one is refused
 * by the server (409); the editor says so and keeps the edit until the user reloads.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCALES } from '../../../src/domain/scorecard';
import type { ApiError } from '../api/client';
import { getScorecard, listScorecards, type ScorecardDetail, saveScorecard } from '../api/pages';
import type { ScorecardCategory, ScorecardDefinition } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { useApiData } from '../lib/useApiData';
import './pages-extra.css';

/** A key for a new category from its name: lower case, words joined by `_`, unique in the card. */
export function categoryKey(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48) || 'category';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return key;
}

function newCategory(name: string, taken: ReadonlySet<string>): ScorecardCategory {
  return {
    key: categoryKey(name, taken),
    name,
    group: '',
    weight: 1,
    scale: '5-point',
    critical: false,
    allowNa: true,
    rootCauses: [],
    guidance: '',
    autoqaCheck: null,
    appliesTo: {},
  };
}

function Editor({
  scorecard,
  onSaved,
}: {
  scorecard: ScorecardDetail;
  /** Reload the scorecard, with what to tell the user afterwards. */
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation('admin');
  const format = useLocaleFormat();
  const [definition, setDefinition] = useState<ScorecardDefinition>(() =>
    structuredClone(scorecard.definition),
  );
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState('');
  const [busy, setBusy] = useState(false);
  const update = (index: number, changes: Partial<ScorecardCategory>) =>
    setDefinition((d) => ({
      ...d,
      categories: d.categories.map((c, i) => (i === index ? { ...c, ...changes } : c)),
    }));
  const move = (index: number, by: number) =>
    setDefinition((d) => {
      const categories = [...d.categories];
      const [moved] = categories.splice(index, 1);
      if (moved) categories.splice(Math.max(0, Math.min(categories.length, index + by)), 0, moved);
      return { ...d, categories };
    });
  const remove = (index: number) =>
    setDefinition((d) => ({ ...d, categories: d.categories.filter((_, i) => i !== index) }));
  const totalWeight = definition.categories.reduce(
    (sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0),
    0,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOutcome('');
    try {
      const saved = await saveScorecard(scorecard.id, definition, scorecard.version);
      if (saved.changed) onSaved(t('scorecard.savedVersion', { version: saved.version }));
      else setOutcome(t('scorecard.unchanged'));
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} data-testid="scorecard-editor">
      <section className="panel stack stack--tight">
        <div className="form-grid">
          <label className="field">
            <span className="field__label">{t('scorecard.name')}</span>
            <input
              className="input"
              required
              maxLength={200}
              value={definition.name}
              onChange={(e) => setDefinition((d) => ({ ...d, name: e.target.value }))}
              data-testid="scorecard-name"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('scorecard.passMark')}</span>
            <input
              className="input"
              type="number"
              min={0}
              max={100}
              step="any"
              required
              value={Number.isFinite(definition.passMark) ? definition.passMark : ''}
              onChange={(e) => setDefinition((d) => ({ ...d, passMark: e.target.valueAsNumber }))}
              data-testid="scorecard-pass-mark"
            />
          </label>
        </div>
        <label className="field">
          <span className="field__label">{t('scorecard.description')}</span>
          <textarea
            className="textarea"
            value={definition.description}
            onChange={(e) => setDefinition((d) => ({ ...d, description: e.target.value }))}
          />
        </label>
      </section>
      <section className="panel" aria-labelledby="categories-title">
        <h2 id="categories-title">{t('scorecard.categories', { count: definition.categories.length })}</h2>
        {definition.categories.map((category, index) => (
          <fieldset key={category.key} className="editor-category" data-testid="scorecard-category">
            <legend className="sr-only">{category.name}</legend>
            <label className="field">
              <span className="field__label">{t('scorecard.categoryName')}</span>
              <input
                className="input"
                required
                value={category.name}
                onChange={(e) => update(index, { name: e.target.value })}
                data-testid="category-name"
              />
            </label>
            <label className="field">
              <span className="field__label">{t('scorecard.group')}</span>
              <input
                className="input"
                value={category.group}
                onChange={(e) => update(index, { group: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">
                {t('scorecard.weight')}
                {totalWeight > 0 && Number.isFinite(category.weight)
                  ? ` (${format.percent((category.weight / totalWeight) * 100)})`
                  : ''}
              </span>
              <input
                className="input"
                type="number"
                min={0}
                step="any"
                required
                value={Number.isFinite(category.weight) ? category.weight : ''}
                onChange={(e) => update(index, { weight: e.target.valueAsNumber })}
                data-testid="category-weight"
              />
            </label>
            <label className="field">
              <span className="field__label">{t('scorecard.scale')}</span>
              <select
                className="input"
                value={category.scale}
                onChange={(e) => update(index, { scale: e.target.value as ScorecardCategory['scale'] })}
              >
                {SCALES.map((scale) => (
                  <option key={scale} value={scale}>
                    {t(`scale.${scale}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={category.critical}
                onChange={(e) => update(index, { critical: e.target.checked })}
              />
              {t('scorecard.critical')}
            </label>
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={category.allowNa}
                onChange={(e) => update(index, { allowNa: e.target.checked })}
              />
              {t('scorecard.allowNa')}
            </label>
            <label className="field">
              <span className="field__label">{t('scorecard.guidance')}</span>
              <input
                className="input"
                value={category.guidance}
                onChange={(e) => update(index, { guidance: e.target.value })}
              />
            </label>
            <div className="row-actions">
              <span className="muted-small">
                <code>{category.key}</code>
              </span>
              <button
                type="button"
                className="button button--quiet"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('scorecard.moveUp', { name: category.name })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={index === definition.categories.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('scorecard.moveDown', { name: category.name })}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={definition.categories.length === 1}
                onClick={() => remove(index)}
              >
                {t('scorecard.remove')}
              </button>
            </div>
          </fieldset>
        ))}
        <div className="inline-form">
          <label>
            <span>{t('scorecard.newCategory')}</span>
            <input className="input" value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
          <button
            type="button"
            className="button"
            disabled={!newName.trim()}
            onClick={() => {
              setDefinition((d) => ({
                ...d,
                categories: [
                  ...d.categories,
                  newCategory(newName.trim(), new Set(d.categories.map((c) => c.key))),
                ],
              }));
              setNewName('');
            }}
          >
            {t('scorecard.add')}
          </button>
        </div>
      </section>
      {error?.status === 409 && error.code === 'stale_version' ? (
        <div className="notice notice--error" role="alert" data-testid="scorecard-conflict">
          <p>{t('scorecard.conflict', { version: scorecard.version })}</p>
          <p className="muted-small">{error.message}</p>
          <button type="button" className="button" onClick={() => onSaved('')}>
            {t('scorecard.reload')}
          </button>
        </div>
      ) : error ? (
        <FieldErrors error={error} />
      ) : null}
      {outcome ? (
        <p className="muted" role="status" data-testid="scorecard-unchanged">
          {outcome}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="scorecard-save">
          {t('scorecard.save', { version: scorecard.version + 1 })}
        </button>
        <span className="muted-small">{t('scorecard.saveHint')}</span>
      </div>
    </form>
  );
}

/** The scorecards section: pick one, see its versions, edit it. */
export function AdminScorecardPage() {
  const { t } = useTranslation('admin');
  const format = useLocaleFormat();
  const scorecards = useApiData('admin-scorecards', (signal) => listScorecards(signal));
  const [picked, setPicked] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  const [notice, setNotice] = useState('');
  const chosen = picked ?? scorecards.data?.[0]?.id ?? null;
  const detail = useApiData(`admin-scorecard ${chosen} ${reloads}`, (signal) =>
    chosen === null ? Promise.resolve(undefined) : getScorecard(chosen, signal),
  );
  const data = detail.data?.id === chosen ? detail.data : undefined;
  return (
    <div className="stack">
      {scorecards.error ? (
        <ErrorNotice error={scorecards.error} onRetry={scorecards.reload} retryLabel={t('retry')} />
      ) : null}
      <div className="page-toolbar">
        <label className="field">
          <span className="field__label">{t('scorecard.pick')}</span>
          <select
            className="input"
            value={chosen ?? ''}
            onChange={(e) => {
              setPicked(Number(e.target.value));
              setNotice('');
            }}
            data-testid="scorecard-pick"
          >
            {(scorecards.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.is_default ? ` · ${t('scorecard.default')}` : ''}
              </option>
            ))}
          </select>
        </label>
        {data ? (
          <p className="muted" data-testid="scorecard-version">
            {t('scorecard.version', { version: data.version, date: format.dateTime(data.updated_at) })}
          </p>
        ) : null}
      </div>
      {detail.error ? (
        <ErrorNotice error={detail.error} onRetry={detail.reload} retryLabel={t('retry')} />
      ) : null}
      {notice ? (
        <p className="text-success" role="status" data-testid="scorecard-saved">
          {notice}
        </p>
      ) : null}
      {data ? (
        <>
          <Editor
            key={`${data.id}-${data.version}-${reloads}`}
            scorecard={data}
            onSaved={(message) => {
              setNotice(message);
              setReloads((n) => n + 1);
              scorecards.reload();
            }}
          />
          <details className="panel">
            <summary>{t('scorecard.versions', { count: data.versions.length })}</summary>
            <ol className="plain-list" data-testid="scorecard-versions">
              {[...data.versions].reverse().map((v) => (
                <li key={v.version_id}>
                  {t('scorecard.versionLine', { version: v.version, date: format.dateTime(v.created_at) })}
                </li>
              ))}
            </ol>
          </details>
        </>
      ) : null}
    </div>
  );
}
