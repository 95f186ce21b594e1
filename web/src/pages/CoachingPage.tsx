/**
 * Coaching sessions: the list, recording one (agent, focus categories, linked reviews, notes,
 * action items, follow-up date), and a session's page where action items are ticked off and the
 * agent's scores before the session and since show whether it worked.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import {
  type ActionItem,
  type BeforeAndSince,
  type CoachingDetail,
  createCoaching,
  getCoaching,
  listCoaching,
  listScorecards,
  listSubmittedReviews,
  updateCoaching,
} from '../api/pages';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { localDay, localMidnight, useLocaleFormat } from '../components/localeFormat';
import { Link, navigate } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import './pages-extra.css';

const COACHES = new Set(['admin', 'manager', 'lead']);
const MANAGERS = new Set(['admin', 'manager']);
const STATUSES = ['planned', 'held', 'closed'] as const;

/** Category names of every scorecard by key, for focus lists. */
function useCategoryNames(): Map<string, string> {
  const scorecards = useApiData('coaching-scorecards', (signal) => listScorecards(signal));
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const scorecard of scorecards.data ?? []) {
      for (const category of scorecard.definition.categories) {
        if (!names.has(category.key)) names.set(category.key, category.name);
      }
    }
    return names;
  }, [scorecards.data]);
}

function NewCoachingForm() {
  const { t } = useTranslation('coaching');
  const format = useLocaleFormat();
  const reviews = useApiData('coaching-reviews', (signal) => listSubmittedReviews({ limit: 500 }, signal));
  const scorecards = useApiData('coaching-form-scorecards', (signal) => listScorecards(signal));
  const [agentId, setAgentId] = useState('');
  const [heldAt, setHeldAt] = useState(() => localDay(new Date()));
  const [focus, setFocus] = useState<string[]>([]);
  const [reviewIds, setReviewIds] = useState<number[]>([]);
  const [notes, setNotes] = useState('');
  const [items, setItems] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Agents with submitted reviews: the API has no agent directory, and coaching discusses reviews.
  const agents = useMemo(() => {
    const found = new Map<number, string>();
    for (const review of reviews.data?.items ?? []) {
      if (review.agent_id !== null && review.kind !== 'calibration' && !found.has(review.agent_id)) {
        found.set(review.agent_id, review.agent_name ?? review.agent_external_id ?? `#${review.agent_id}`);
      }
    }
    return [...found.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [reviews.data]);
  const agentReviews = (reviews.data?.items ?? []).filter(
    (r) => String(r.agent_id) === agentId && r.kind !== 'calibration',
  );
  const categories = scorecards.data?.find((s) => s.is_default)?.definition.categories ?? [];
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createCoaching({
        agent_id: Number(agentId),
        // A day picked today is "now", so the session counts as held, not planned.
        held_at: heldAt === localDay(new Date()) ? new Date().toISOString() : localMidnight(heldAt),
        focus,
        notes,
        review_ids: reviewIds,
        action_items: items
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((text) => ({ text, done: false })),
        follow_up_at: followUp ? localMidnight(followUp) : null,
      });
      navigate(`/coaching/${created.id}`);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} data-testid="coaching-form">
      <h2>{t('create.title')}</h2>
      {reviews.error ? (
        <ErrorNotice error={reviews.error} onRetry={reviews.reload} retryLabel={t('retry')} />
      ) : null}
      <div className="form-grid">
        <label className="field">
          <span className="field__label">{t('create.agent')}</span>
          <select
            className="input"
            required
            value={agentId}
            onChange={(e) => {
              setAgentId(e.target.value);
              setReviewIds([]);
            }}
            data-testid="coaching-agent"
          >
            <option value="">{t('create.pickAgent')}</option>
            {agents.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('create.heldAt')}</span>
          <input
            type="date"
            className="input"
            required
            value={heldAt}
            onChange={(e) => setHeldAt(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('create.followUp')}</span>
          <input
            type="date"
            className="input"
            min={heldAt}
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
            data-testid="coaching-follow-up"
          />
        </label>
      </div>
      {agents.length === 0 && reviews.data ? <p className="muted">{t('create.noAgents')}</p> : null}
      <fieldset className="stack stack--tight">
        <legend>{t('create.focus')}</legend>
        <div className="choice-list">
          {categories.map((category) => (
            <label key={category.key} className="checkbox-label">
              <input
                type="checkbox"
                checked={focus.includes(category.key)}
                onChange={() => setFocus((list) => toggle(list, category.key))}
                data-testid="coaching-focus"
                value={category.key}
              />
              {category.name}
            </label>
          ))}
        </div>
      </fieldset>
      {agentId ? (
        <fieldset className="stack stack--tight">
          <legend>{t('create.reviews')}</legend>
          {agentReviews.length === 0 ? <p className="muted-small">{t('create.noReviews')}</p> : null}
          <div className="choice-list">
            {agentReviews.map((review) => (
              <label key={review.id} className="checkbox-label">
                <input
                  type="checkbox"
                  checked={reviewIds.includes(review.id)}
                  onChange={() => setReviewIds((list) => toggle(list, review.id))}
                  data-testid="coaching-review"
                />
                {t('review.line', {
                  id: review.id,
                  conversation: review.conversation_external_id,
                  score: review.score === null ? '—' : format.percent(review.score),
                })}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <label className="field">
        <span className="field__label">{t('create.notes')}</span>
        <textarea className="textarea" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('create.actionItems')}</span>
        <textarea
          className="textarea"
          value={items}
          onChange={(e) => setItems(e.target.value)}
          data-testid="coaching-items"
        />
      </label>
      {error ? <FieldErrors error={error} /> : null}
      <div className="row-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="coaching-create"
        >
          {t('create.submit')}
        </button>
      </div>
    </form>
  );
}

/** The coaching sessions, latest first, with the form for leads and managers. */
export function CoachingListPage() {
  const { t } = useTranslation('coaching');
  const format = useLocaleFormat();
  const me = useCurrentUser();
  const names = useCategoryNames();
  useDocumentTitle(t('title'));
  const sessions = useApiData('coaching', (signal) => listCoaching(signal));
  const [creating, setCreating] = useState(false);
  return (
    <div className="stack" data-testid="coaching-list-page">
      <div className="page-toolbar">
        <h1 className="page-title">{t('title')}</h1>
        <div className="row-actions">
          <Link to="/tasks" className="button button--quiet">
            {t('tasksLink')}
          </Link>
          {COACHES.has(me.role) ? (
            <button
              type="button"
              className="button"
              onClick={() => setCreating((c) => !c)}
              aria-expanded={creating}
              data-testid="coaching-new"
            >
              {t('create.open')}
            </button>
          ) : null}
        </div>
      </div>
      {creating ? <NewCoachingForm /> : null}
      {sessions.error ? (
        <ErrorNotice error={sessions.error} onRetry={sessions.reload} retryLabel={t('retry')} />
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="coaching-table">
          <thead>
            <tr>
              <th scope="col">{t('list.agent')}</th>
              <th scope="col">{t('list.heldAt')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.focus')}</th>
              <th scope="col">{t('list.followUp')}</th>
              <th scope="col">{t('list.lead')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data && sessions.data.length === 0 ? (
              <tr>
                <td colSpan={6} className="data-table__empty">
                  {t('list.empty')}
                </td>
              </tr>
            ) : null}
            {(sessions.data ?? []).map((s) => (
              <tr key={s.id} data-testid="coaching-row">
                <td>
                  <Link to={`/coaching/${s.id}`}>{s.agent_name ?? s.agent_external_id}</Link>
                </td>
                <td>{format.dateTime(s.held_at)}</td>
                <td>{t(`status.${s.status}`)}</td>
                <td>{s.focus.map((key) => names.get(key) ?? key).join(', ')}</td>
                <td
                  className={
                    s.follow_up_at && s.status !== 'closed' && Date.parse(s.follow_up_at) < Date.now()
                      ? 'text-danger'
                      : undefined
                  }
                >
                  {format.date(s.follow_up_at)}
                </td>
                <td>{s.lead_name ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function EffectRows({
  label,
  effect,
}: {
  label: string;
  effect: Record<'all' | 'manual' | 'auto', BeforeAndSince>;
}) {
  const { t } = useTranslation('coaching');
  const format = useLocaleFormat();
  const mean = (value: { mean: number | null; n: number }) =>
    value.mean === null ? '—' : `${format.percent(value.mean)} (${t('effect.n', { count: value.n })})`;
  return (
    <>
      {(['all', 'manual', 'auto'] as const).map((origin, index) => {
        const row = effect[origin];
        const difference = row.difference;
        return (
          <tr key={origin} data-testid={index === 0 ? 'effect-row' : undefined}>
            {index === 0 ? (
              <th scope="rowgroup" rowSpan={3}>
                {label}
              </th>
            ) : null}
            <td>{t(`effect.origin.${origin}`)}</td>
            <td className="numeric">{mean(row.before)}</td>
            <td className="numeric">{mean(row.since)}</td>
            <td
              className={
                difference === null
                  ? 'numeric'
                  : difference >= 0
                    ? 'numeric text-success'
                    : 'numeric text-danger'
              }
            >
              {difference === null ? '—' : `${difference > 0 ? '+' : ''}${format.number(difference, 1)}`}
            </td>
          </tr>
        );
      })}
    </>
  );
}

function ActionItems({
  session,
  editable,
  onSaved,
}: {
  session: CoachingDetail;
  editable: boolean;
  onSaved: (next: CoachingDetail) => void;
}) {
  const { t } = useTranslation('coaching');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (items: ActionItem[]) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateCoaching(session.id, { action_items: items }));
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const items = session.action_items;
  const open = items.filter((item) => !item.done).length;
  return (
    <section className="panel stack stack--tight" aria-labelledby="items-title">
      <h2 id="items-title">{t('detail.actionItems', { count: open })}</h2>
      {items.length === 0 ? <p className="muted">{t('detail.noItems')}</p> : null}
      <ul className="plain-list stack stack--tight" data-testid="action-items">
        {items.map((item, index) => (
          <li
            // Items have no ids; their position is their identity within a session.
            // biome-ignore lint/suspicious/noArrayIndexKey: items are only appended or ticked
            key={index}
            className={item.done ? 'action-item--done' : undefined}
            data-testid="action-item"
            data-done={item.done}
          >
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={item.done}
                disabled={!editable || busy}
                onChange={() =>
                  void save(items.map((other, i) => (i === index ? { ...other, done: !other.done } : other)))
                }
                data-testid="action-item-toggle"
              />
              <span>{item.text}</span>
            </label>
          </li>
        ))}
      </ul>
      {editable ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!text.trim()) return;
            void save([...items, { text: text.trim(), done: false }]).then(() => setText(''));
          }}
        >
          <label>
            <span>{t('detail.newItem')}</span>
            <input
              className="input"
              value={text}
              maxLength={2000}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button type="submit" className="button" disabled={busy}>
            {t('detail.addItem')}
          </button>
        </form>
      ) : null}
      {error ? <FieldErrors error={error} /> : null}
    </section>
  );
}

/** One coaching session. */
export function CoachingSessionPage({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation('coaching');
  const format = useLocaleFormat();
  const me = useCurrentUser();
  const names = useCategoryNames();
  const loaded = useApiData(`coaching ${sessionId}`, (signal) => getCoaching(sessionId, signal));
  const [saved, setSaved] = useState<CoachingDetail | null>(null);
  const session = saved ?? loaded.data;
  useDocumentTitle(session ? (session.agent_name ?? session.agent_external_id) : t('title'));
  const [notes, setNotes] = useState<string | null>(null);
  const [followUp, setFollowUp] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (loaded.error)
    return <ErrorNotice error={loaded.error} onRetry={loaded.reload} retryLabel={t('retry')} />;
  if (!session) return <p className="muted">{t('loading')}</p>;
  const editable = session.lead_user_id === me.id || MANAGERS.has(me.role);
  const change = async (body: Parameters<typeof updateCoaching>[1]) => {
    setError(null);
    try {
      setSaved(await updateCoaching(session.id, body));
      setNotes(null);
      setFollowUp(null);
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const followUpDay = followUp ?? (session.follow_up_at ? localDay(new Date(session.follow_up_at)) : '');
  const followUpLate =
    session.follow_up_at !== null &&
    session.status !== 'closed' &&
    Date.parse(session.follow_up_at) < Date.now();

  return (
    <div className="stack" data-testid="coaching-page">
      <Link to="/coaching" className="back-link">
        {t('back')}
      </Link>
      <div className="page-toolbar">
        <h1 className="page-title">
          {t('detail.title', { agent: session.agent_name ?? session.agent_external_id })}
        </h1>
        {editable ? (
          <label className="field">
            <span className="field__label">{t('list.status')}</span>
            <select
              className="input"
              value={session.status}
              onChange={(e) => void change({ status: e.target.value as (typeof STATUSES)[number] })}
              data-testid="coaching-status"
            >
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="badge">{t(`status.${session.status}`)}</span>
        )}
      </div>
      <p className="muted">
        {t('detail.heldBy', { date: format.dateTime(session.held_at), lead: session.lead_name ?? '' })}
      </p>
      {error ? <FieldErrors error={error} /> : null}
      <section className="panel stack stack--tight" aria-labelledby="focus-title">
        <h2 id="focus-title">{t('detail.focus')}</h2>
        {session.focus.length === 0 ? (
          <p className="muted">{t('detail.noFocus')}</p>
        ) : (
          <ul className="tag-list" data-testid="coaching-focus-list">
            {session.focus.map((key) => (
              <li key={key} className="tag">
                {names.get(key) ?? key}
              </li>
            ))}
          </ul>
        )}
        <div className="inline-form">
          <label>
            <span className={followUpLate ? 'text-danger' : undefined}>{t('detail.followUp')}</span>
            <input
              type="date"
              className="input"
              value={followUpDay}
              disabled={!editable}
              onChange={(e) => setFollowUp(e.target.value)}
            />
          </label>
          {editable && followUp !== null ? (
            <button
              type="button"
              className="button"
              onClick={() => void change({ follow_up_at: followUp ? localMidnight(followUp) : null })}
            >
              {t('detail.save')}
            </button>
          ) : null}
        </div>
      </section>
      <ActionItems session={session} editable={editable} onSaved={setSaved} />
      <section className="panel stack stack--tight" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('detail.notes')}</h2>
        {editable ? (
          <>
            <textarea
              className="textarea"
              value={notes ?? session.notes}
              onChange={(e) => setNotes(e.target.value)}
              aria-labelledby="notes-title"
            />
            <div className="row-actions">
              <button
                type="button"
                className="button"
                disabled={notes === null}
                onClick={() => void change({ notes: notes ?? '' })}
              >
                {t('detail.save')}
              </button>
            </div>
          </>
        ) : (
          <p className="review-comment">{session.notes || '—'}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="reviews-title">
        <h2 id="reviews-title">{t('detail.reviews')}</h2>
        {session.reviews.length === 0 ? <p className="muted">{t('detail.noReviews')}</p> : null}
        <ul className="plain-list">
          {session.reviews.map((review) => (
            <li key={review.id}>
              <Link to={`/reviews/${review.id}`}>
                {t('review.short', {
                  id: review.id,
                  score: review.score === null ? '—' : format.percent(review.score),
                })}
              </Link>{' '}
              <span className="muted-small">{format.date(review.submitted_at)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="effect-title">
        <h2 id="effect-title">{t('effect.title')}</h2>
        <p className="muted-small">
          {t('effect.window', {
            count: session.effect.baseline_days,
            from: format.date(session.effect.before_from),
            held: format.date(session.held_at),
            to: format.date(session.effect.since_to),
          })}
        </p>
        <div className="table-scroll">
          <table className="data-table" data-testid="effect-table">
            <thead>
              <tr>
                <th scope="col">{t('effect.scope')}</th>
                <th scope="col">{t('effect.originHeader')}</th>
                <th scope="col" className="numeric">
                  {t('effect.before')}
                </th>
                <th scope="col" className="numeric">
                  {t('effect.since')}
                </th>
                <th scope="col" className="numeric">
                  {t('effect.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              <EffectRows label={t('effect.overall')} effect={session.effect.overall} />
              {Object.entries(session.effect.categories).map(([key, effect]) => (
                <EffectRows key={key} label={names.get(key) ?? key} effect={effect} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
