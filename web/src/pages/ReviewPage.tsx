import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCALE_RANGE, scoreReview } from '../../../src/domain/scorecard';
import {
  type ApiError,
  createReview,
  getAnalysis,
  getConversation,
  getReviewDraft,
  listMyAssignments,
} from '../api/client';
import type { CategoryRating, ReviewDraft, ScorecardCategory } from '../api/types';
import { evidenceHighlights } from '../components/AutoQaPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { MessageThread } from '../components/MessageThread';
import { formatNumber, formatPercent } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** A reviewer's rating of one category while the review is being made. */
interface Entry {
  rating: number | null;
  na: boolean;
  comment: string;
  rootCause: string;
}

function pointsOf(category: ScorecardCategory): number[] {
  const { min, max } = SCALE_RANGE[category.scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function pointLabel(category: ScorecardCategory, point: number, t: TFunction): string {
  if (category.scale === 'binary') return point === 1 ? t('workspace.pass') : t('workspace.fail');
  return formatNumber(point);
}

// The digit key that gives a point: 1–9 as themselves, 0 for 10, and 0/1 for fail/pass.
function pointForKey(category: ScorecardCategory, key: string): number | null {
  if (!/^\d$/.test(key)) return null;
  const digit = Number(key);
  const { min, max } = SCALE_RANGE[category.scale];
  const point = category.scale === '1-10' && digit === 0 ? 10 : digit;
  return point >= min && point <= max ? point : null;
}

function initialEntries(draft: ReviewDraft): Record<string, Entry> {
  const entries: Record<string, Entry> = {};
  for (const key of draft.applicable) entries[key] = { rating: null, na: false, comment: '', rootCause: '' };
  for (const prefill of draft.prefill) {
    entries[prefill.key] = { rating: prefill.rating, na: prefill.na, comment: '', rootCause: '' };
  }
  return entries;
}

function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('reviews');
  return (
    <div
      className="shortcut-help"
      role="dialog"
      aria-label={t('shortcuts.title')}
      data-testid="shortcut-help"
    >
      <h2 className="panel__title">{t('shortcuts.title')}</h2>
      <dl>
        <dt translate="no">↓ / j, ↑ / k</dt>
        <dd>{t('shortcuts.move')}</dd>
        <dt translate="no">1 … 9, 0</dt>
        <dd>{t('shortcuts.rate')}</dd>
        <dt translate="no">n</dt>
        <dd>{t('shortcuts.notApplicable')}</dd>
        <dt>{t('shortcuts.ctrlEnter')}</dt>
        <dd>{t('shortcuts.submit')}</dd>
        <dt translate="no">?</dt>
        <dd>{t('shortcuts.toggle')}</dd>
      </dl>
      <button type="button" className="button" onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </div>
  );
}

function CategoryRow({
  category,
  entry,
  current,
  onFocus,
  onChange,
}: {
  category: ScorecardCategory;
  entry: Entry;
  current: boolean;
  onFocus: () => void;
  onChange: (entry: Entry) => void;
}) {
  const { t } = useTranslation('reviews');
  const unrated = !entry.na && entry.rating === null;
  const notTop = !entry.na && entry.rating !== null && entry.rating < SCALE_RANGE[category.scale].max;
  return (
    <li
      className={`category${current ? ' category--current' : ''}${unrated ? ' category--unrated' : ''}`}
      data-testid="review-category"
      data-key={category.key}
      data-current={current}
      onFocusCapture={onFocus}
    >
      <div className="category__head">
        <span className="category__name">
          <span translate="no">{category.name}</span>
          {category.critical ? <span className="badge badge--warning">{t('workspace.critical')}</span> : null}
        </span>
        <span className="muted category__weight" title={t('workspace.weight')}>
          ×{formatNumber(category.weight, 2)}
        </span>
      </div>
      {category.guidance ? (
        <p className="muted category__guidance" translate="no">
          {category.guidance}
        </p>
      ) : null}
      <fieldset className="category__points">
        <legend className="sr-only" translate="no">
          {category.name}
        </legend>
        {pointsOf(category).map((point) => (
          <button
            key={point}
            type="button"
            aria-pressed={!entry.na && entry.rating === point}
            className={`point${!entry.na && entry.rating === point ? ' point--chosen' : ''}`}
            onClick={() => onChange({ ...entry, rating: point, na: false })}
          >
            {pointLabel(category, point, t)}
          </button>
        ))}
        {category.allowNa ? (
          <button
            type="button"
            aria-pressed={entry.na}
            className={`point${entry.na ? ' point--chosen' : ''}`}
            onClick={() => onChange({ ...entry, rating: null, na: true })}
          >
            {t('workspace.notApplicable')}
          </button>
        ) : null}
      </fieldset>
      {notTop && category.rootCauses.length > 0 ? (
        <label className="category__field">
          <span>{t('workspace.rootCause')}</span>
          <select value={entry.rootCause} onChange={(e) => onChange({ ...entry, rootCause: e.target.value })}>
            <option value="">—</option>
            {category.rootCauses.map((cause) => (
              <option key={cause} value={cause} translate="no">
                {cause}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {current ? (
        <label className="category__field">
          <span>{t('workspace.comment')}</span>
          <input value={entry.comment} onChange={(e) => onChange({ ...entry, comment: e.target.value })} />
        </label>
      ) : null}
    </li>
  );
}

/**
 * The review workspace: the conversation on the left with AutoQA's findings highlighted, the
 * scorecard on the right with AutoQA's pre-filled ratings, the score live, and submit-and-next
 * from the keyboard.
 */
export function ReviewPage({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation('reviews');
  const conversation = useApiData(`conversation:${conversationId}`, (signal) =>
    getConversation(conversationId, signal),
  );
  const analysis = useApiData(`analysis:${conversationId}`, (signal) => getAnalysis(conversationId, signal));
  const draft = useApiData(`review-draft:${conversationId}`, (signal) =>
    getReviewDraft(conversationId, signal),
  );
  const [entries, setEntries] = useState<Record<string, Entry> | null>(null);
  const [comment, setComment] = useState('');
  const [currentIndex, setCurrentIndex] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  useDocumentTitle(
    t('workspace.documentTitle', {
      subject: conversation.data?.subject || t('workspace.conversation', { id: conversationId }),
    }),
  );

  const loaded = draft.loading || draft.error ? undefined : draft.data;
  useEffect(() => {
    if (loaded && entries === null) setEntries(initialEntries(loaded));
  }, [loaded, entries]);

  const categories = useMemo(
    () => (loaded ? loaded.definition.categories.filter((c) => loaded.applicable.includes(c.key)) : []),
    [loaded],
  );
  const ratings: CategoryRating[] = useMemo(
    () =>
      Object.entries(entries ?? {}).map(([key, entry]) => ({
        key,
        rating: entry.na ? null : entry.rating,
        na: entry.na,
      })),
    [entries],
  );
  const score = loaded ? scoreReview(loaded.definition, ratings, new Set(loaded.applicable)) : null;
  const unrated = categories.filter((c) => {
    const entry = entries?.[c.key];
    return !entry || (!entry.na && entry.rating === null);
  }).length;

  const setEntry = useCallback((key: string, entry: Entry) => {
    setEntries((previous) => ({ ...(previous ?? {}), [key]: entry }));
  }, []);

  const submit = useCallback(async () => {
    if (!loaded || !entries || submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    try {
      await createReview({
        conversation_id: conversationId,
        scorecard_id: loaded.scorecard_id,
        comment: comment || null,
        submit: true,
        ratings: Object.entries(entries)
          .filter(([, entry]) => entry.na || entry.rating !== null)
          .map(([key, entry]) => ({
            key,
            rating: entry.na ? null : entry.rating,
            na: entry.na,
            comment: entry.comment || null,
            root_cause: entry.rootCause || null,
          })),
      });
      const queue = await listMyAssignments().catch(() => []);
      const next = queue.find((item) => item.conversation_id !== conversationId);
      navigate(next ? `/conversations/${next.conversation_id}/review` : '/review?done=1');
    } catch (error) {
      setSubmitError(error as ApiError);
      setSubmitting(false);
    }
  }, [loaded, entries, submitting, conversationId, comment]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void submit();
        return;
      }
      if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
      const category = categories[currentIndex];
      if (event.key === '?') setHelpOpen((open) => !open);
      else if (event.key === 'ArrowDown' || event.key === 'j') {
        event.preventDefault();
        setCurrentIndex((i) => Math.min(categories.length - 1, i + 1));
      } else if (event.key === 'ArrowUp' || event.key === 'k') {
        event.preventDefault();
        setCurrentIndex((i) => Math.max(0, i - 1));
      } else if (category && event.key === 'n' && category.allowNa) {
        setEntry(category.key, { ...(entries?.[category.key] as Entry), rating: null, na: true });
      } else if (category) {
        const point = pointForKey(category, event.key);
        if (point !== null) {
          setEntry(category.key, { ...(entries?.[category.key] as Entry), rating: point, na: false });
          setCurrentIndex((i) => Math.min(categories.length - 1, i + 1));
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [categories, currentIndex, entries, setEntry, submit]);

  if (draft.error) return <ErrorNotice error={draft.error} onRetry={draft.reload} />;
  if (!loaded || !entries) return <p className="muted">{t('workspace.loading')}</p>;
  const detail = conversation.error ? undefined : conversation.data;
  const groups = [...new Set(categories.map((c) => c.group))];

  return (
    <div className="review-page" data-testid="review-page">
      <Link to="/review" className="back-link">
        ← {t('queue.title')}
      </Link>
      <div className="review">
        <section className="panel review__conversation" aria-label={t('workspace.conversationPanel')}>
          <h1 className="page-title">
            {detail?.subject ? (
              <span translate="no">{detail.subject}</span>
            ) : (
              t('workspace.conversation', { id: conversationId })
            )}
          </h1>
          {detail ? (
            <MessageThread
              messages={detail.messages}
              highlights={evidenceHighlights(analysis.error ? undefined : analysis.data)}
            />
          ) : conversation.error ? (
            <ErrorNotice error={conversation.error} onRetry={conversation.reload} />
          ) : (
            <p className="muted">{t('conversations:detail.loading')}</p>
          )}
        </section>
        <section className="panel review__scorecard" aria-label={t('workspace.scorecard')}>
          <div className="review__score" data-testid="review-score" aria-live="polite">
            <span className="review__score-value">{formatPercent(score?.score)}</span>
            {score?.autoFailed ? (
              <span className="badge badge--complaint">{t('workspace.criticalFailed')}</span>
            ) : null}
            {score?.passed === true ? <span className="badge">{t('workspace.pass')}</span> : null}
            {score?.passed === false ? (
              <span className="badge badge--warning">{t('workspace.belowPassMark')}</span>
            ) : null}
            <span className="muted">
              <span translate="no">{loaded.definition.name}</span>{' '}
              {t('workspace.version', { version: loaded.scorecard_version })} ·{' '}
              {t('workspace.passMark', { value: formatPercent(loaded.definition.passMark) })}
              {loaded.autoqa_available ? ` · ${t('workspace.prefilled')}` : ''}
            </span>
          </div>
          {groups.map((group) => (
            <div key={group || 'categories'}>
              {group ? (
                <h2 className="panel__title" translate="no">
                  {group}
                </h2>
              ) : null}
              <ol className="categories">
                {categories.map((category, index) =>
                  category.group === group ? (
                    <CategoryRow
                      key={category.key}
                      category={category}
                      entry={entries[category.key] as Entry}
                      current={index === currentIndex}
                      onFocus={() => setCurrentIndex(index)}
                      onChange={(entry) => setEntry(category.key, entry)}
                    />
                  ) : null,
                )}
              </ol>
            </div>
          ))}
          <label className="category__field">
            <span>{t('workspace.overallComment')}</span>
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
          </label>
          {submitError ? <ErrorNotice error={submitError} /> : null}
          <div className="review__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void submit()}
              disabled={submitting || unrated > 0}
              data-testid="submit-review"
            >
              {submitting ? t('workspace.submitting') : t('workspace.submit')}
            </button>
            <span className="muted">
              {unrated > 0 ? t('workspace.toRate', { count: unrated }) : t('shortcuts.ctrlEnter')} ·{' '}
              {t('workspace.shortcutHint')}
            </span>
          </div>
        </section>
      </div>
      {helpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
