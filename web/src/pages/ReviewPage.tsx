import { useCallback, useEffect, useMemo, useState } from 'react';
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

function pointLabel(category: ScorecardCategory, point: number): string {
  if (category.scale === 'binary') return point === 1 ? 'Pass' : 'Fail';
  return String(point);
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
  return (
    <div className="shortcut-help" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-help">
      <h2 className="panel__title">Keyboard shortcuts</h2>
      <dl>
        <dt>↓ / j, ↑ / k</dt>
        <dd>next / previous category</dd>
        <dt>1 … 9, 0</dt>
        <dd>rate the current category (0 is 10 on a 1–10 scale, fail on pass/fail)</dd>
        <dt>n</dt>
        <dd>not applicable</dd>
        <dt>Ctrl + Enter</dt>
        <dd>submit and open the next conversation in your queue</dd>
        <dt>?</dt>
        <dd>show or hide this list</dd>
      </dl>
      <button type="button" className="button" onClick={onClose}>
        Close
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
          {category.name}
          {category.critical ? <span className="badge badge--warning">Critical</span> : null}
        </span>
        <span className="muted category__weight">×{category.weight}</span>
      </div>
      {category.guidance ? <p className="muted category__guidance">{category.guidance}</p> : null}
      <fieldset className="category__points">
        <legend className="sr-only">{category.name}</legend>
        {pointsOf(category).map((point) => (
          <button
            key={point}
            type="button"
            aria-pressed={!entry.na && entry.rating === point}
            className={`point${!entry.na && entry.rating === point ? ' point--chosen' : ''}`}
            onClick={() => onChange({ ...entry, rating: point, na: false })}
          >
            {pointLabel(category, point)}
          </button>
        ))}
        {category.allowNa ? (
          <button
            type="button"
            aria-pressed={entry.na}
            className={`point${entry.na ? ' point--chosen' : ''}`}
            onClick={() => onChange({ ...entry, rating: null, na: true })}
          >
            N/A
          </button>
        ) : null}
      </fieldset>
      {notTop && category.rootCauses.length > 0 ? (
        <label className="category__field">
          <span>Root cause</span>
          <select value={entry.rootCause} onChange={(e) => onChange({ ...entry, rootCause: e.target.value })}>
            <option value="">—</option>
            {category.rootCauses.map((cause) => (
              <option key={cause} value={cause}>
                {cause}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {current ? (
        <label className="category__field">
          <span>Comment</span>
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
  useDocumentTitle(`Review · ${conversation.data?.subject ?? `conversation ${conversationId}`}`);

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
  if (!loaded || !entries) return <p className="muted">Loading the scorecard…</p>;
  const detail = conversation.error ? undefined : conversation.data;
  const groups = [...new Set(categories.map((c) => c.group))];

  return (
    <div className="review-page" data-testid="review-page">
      <Link to="/review" className="back-link">
        ← Review queue
      </Link>
      <div className="review">
        <section className="panel review__conversation" aria-label="Conversation">
          <h1 className="page-title">{detail?.subject || `Conversation ${conversationId}`}</h1>
          {detail ? (
            <MessageThread
              messages={detail.messages}
              highlights={evidenceHighlights(analysis.error ? undefined : analysis.data)}
            />
          ) : conversation.error ? (
            <ErrorNotice error={conversation.error} onRetry={conversation.reload} />
          ) : (
            <p className="muted">Loading conversation…</p>
          )}
        </section>
        <section className="panel review__scorecard" aria-label="Scorecard">
          <div className="review__score" data-testid="review-score" aria-live="polite">
            <span className="review__score-value">
              {score?.score === null || !score ? '—' : `${score.score.toFixed(1)} %`}
            </span>
            {score?.autoFailed ? <span className="badge badge--complaint">Critical failed</span> : null}
            {score?.passed === true ? <span className="badge">Pass</span> : null}
            {score?.passed === false ? <span className="badge badge--warning">Below pass mark</span> : null}
            <span className="muted">
              {loaded.definition.name} v{loaded.scorecard_version} · pass mark {loaded.definition.passMark} %
              {loaded.autoqa_available ? ' · pre-filled by AutoQA' : ''}
            </span>
          </div>
          {groups.map((group) => (
            <div key={group || 'categories'}>
              {group ? <h2 className="panel__title">{group}</h2> : null}
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
            <span>Overall comment</span>
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
              {submitting ? 'Submitting…' : 'Submit and next'}
            </button>
            <span className="muted">
              {unrated > 0 ? `${unrated} to rate` : 'Ctrl + Enter'} · press ? for shortcuts
            </span>
          </div>
        </section>
      </div>
      {helpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
