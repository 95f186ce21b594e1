/**
 * Calibration sessions: the list, setting one up (conversations, invited reviewers, optional
 * baseline), each reviewer's blind scoring, the reveal, and the agreement figures: α per
 * category with its level, pairwise κ, each reviewer's deviation and the scores side by side.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCALE_RANGE } from '../../../src/domain/scorecard';
import { type ApiError, listConversations } from '../api/client';
import {
  type CalibrationResults,
  type CalibrationSession,
  createCalibration,
  getCalibration,
  getCalibrationResults,
  listCalibrations,
  listUsers,
  revealCalibration,
  scoreCalibration,
} from '../api/pages';
import type { ScorecardCategory } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { Link, navigate } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import './pages-extra.css';

const ORGANISERS = new Set(['admin', 'manager', 'lead']);
const MANAGERS = new Set(['admin', 'manager']);
const SCORING_ROLES = new Set(['admin', 'manager', 'lead', 'reviewer']);

/** Krippendorff's reading of α: ≥ 0.8 reliable, ≥ 0.667 tentative, below that too low. */
export function alphaLevel(alpha: number | null): 'good' | 'tentative' | 'low' | 'none' {
  if (alpha === null) return 'none';
  if (alpha >= 0.8) return 'good';
  return alpha >= 0.667 ? 'tentative' : 'low';
}

/** Whole numbers from a comma- or space-separated text; null when any part is not one. */
export function parseIds(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const ids = parts.map(Number);
  return ids.every((id) => Number.isInteger(id) && id > 0) ? [...new Set(ids)] : null;
}

function NewSessionForm() {
  const { t } = useTranslation('calibration');
  const me = useCurrentUser();
  const [title, setTitle] = useState('');
  const [search, setSearch] = useState('');
  const [conversationIds, setConversationIds] = useState<number[]>([]);
  const [participantIds, setParticipantIds] = useState<number[]>([]);
  const [typedParticipants, setTypedParticipants] = useState('');
  const [baseline, setBaseline] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const conversations = useApiData(`cal-conversations ${search}`, (signal) =>
    listConversations({ limit: 50, ...(search ? { q: search } : {}) }, signal),
  );
  // Only admins may list users; others name the reviewers by their user ids.
  const users = useApiData('cal-users', (signal) => listUsers(signal));
  const scorers = (users.data ?? []).filter((u) => SCORING_ROLES.has(u.role));
  const toggle = (list: number[], value: number) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setProblem('');
    const typed = users.data ? [] : parseIds(typedParticipants);
    if (typed === null) {
      setProblem(t('create.badIds'));
      return;
    }
    const participants = [...new Set([...participantIds, ...typed])];
    if (conversationIds.length === 0) return setProblem(t('create.pickConversations'));
    if (participants.length < 2) return setProblem(t('create.pickReviewers'));
    setBusy(true);
    try {
      const created = await createCalibration({
        title: title.trim(),
        conversation_ids: conversationIds,
        participant_ids: participants,
        baseline_user_id: baseline ? Number(baseline) : null,
      });
      navigate(`/calibration/${created.id}`);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const baselineChoices = users.data
    ? scorers.filter((u) => participantIds.includes(u.id) || u.id === me.id)
    : (parseIds(typedParticipants) ?? []).map((id) => ({ id, name: `#${id}` }));

  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} data-testid="calibration-form">
      <h2>{t('create.title')}</h2>
      <label className="field">
        <span className="field__label">{t('create.name')}</span>
        <input
          className="input"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="calibration-title"
        />
      </label>
      <fieldset className="stack stack--tight">
        <legend>{t('create.conversations', { count: conversationIds.length })}</legend>
        <input
          className="input"
          type="search"
          placeholder={t('create.search')}
          aria-label={t('create.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {conversations.error ? <ErrorNotice error={conversations.error} /> : null}
        <div className="choice-list">
          {(conversations.data?.items ?? []).map((c) => (
            <label key={c.id} className="checkbox-label">
              <input
                type="checkbox"
                checked={conversationIds.includes(c.id)}
                onChange={() => setConversationIds((list) => toggle(list, c.id))}
                data-testid="calibration-conversation"
                value={c.id}
              />
              <span>
                {c.external_id} · {c.agent?.name ?? c.agent?.id ?? '—'} · {c.subject ?? ''}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="stack stack--tight">
        <legend>{t('create.reviewers')}</legend>
        {users.data ? (
          <div className="choice-list">
            {scorers.map((u) => (
              <label key={u.id} className="checkbox-label">
                <input
                  type="checkbox"
                  checked={participantIds.includes(u.id)}
                  onChange={() => setParticipantIds((list) => toggle(list, u.id))}
                  data-testid="calibration-reviewer"
                  value={u.id}
                />
                <span>
                  {u.name} ({u.email})
                </span>
              </label>
            ))}
          </div>
        ) : (
          <label className="field">
            <span className="field__label">{t('create.reviewerIds')}</span>
            <input
              className="input"
              value={typedParticipants}
              onChange={(e) => setTypedParticipants(e.target.value)}
              placeholder="12, 15"
              data-testid="calibration-reviewer-ids"
            />
          </label>
        )}
      </fieldset>
      <label className="field">
        <span className="field__label">{t('create.baseline')}</span>
        <select
          className="input"
          value={baseline}
          onChange={(e) => setBaseline(e.target.value)}
          data-testid="calibration-baseline"
        >
          <option value="">{t('create.noBaseline')}</option>
          {baselineChoices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <FieldErrors error={error} /> : null}
      <div className="row-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="calibration-create"
        >
          {t('create.submit')}
        </button>
      </div>
    </form>
  );
}

/** The sessions list with the set-up form for leads and managers. */
export function CalibrationListPage() {
  const { t } = useTranslation('calibration');
  const format = useLocaleFormat();
  const me = useCurrentUser();
  useDocumentTitle(t('title'));
  const sessions = useApiData('calibrations', (signal) => listCalibrations(signal));
  const [creating, setCreating] = useState(false);
  return (
    <div className="stack" data-testid="calibration-list-page">
      <div className="page-toolbar">
        <h1 className="page-title">{t('title')}</h1>
        {ORGANISERS.has(me.role) ? (
          <button
            type="button"
            className="button"
            onClick={() => setCreating((c) => !c)}
            aria-expanded={creating}
            data-testid="calibration-new"
          >
            {t('create.open')}
          </button>
        ) : null}
      </div>
      {creating ? <NewSessionForm /> : null}
      {sessions.error ? (
        <ErrorNotice error={sessions.error} onRetry={sessions.reload} retryLabel={t('retry')} />
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="calibration-table">
          <thead>
            <tr>
              <th scope="col">{t('list.title')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.created')}</th>
              <th scope="col">{t('list.due')}</th>
              <th scope="col">{t('list.revealed')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data && sessions.data.length === 0 ? (
              <tr>
                <td colSpan={5} className="data-table__empty">
                  {t('list.empty')}
                </td>
              </tr>
            ) : null}
            {(sessions.data ?? []).map((s) => (
              <tr key={s.id} data-testid="calibration-row">
                <td>
                  <Link to={`/calibration/${s.id}`}>{s.title}</Link>
                </td>
                <td>{t(`status.${s.status}`)}</td>
                <td>{format.dateTime(s.created_at)}</td>
                <td>{format.dateTime(s.due_at)}</td>
                <td>{format.dateTime(s.revealed_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function pointsOf(category: ScorecardCategory): number[] {
  const { min, max } = SCALE_RANGE[category.scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function ScoreForm({
  session,
  conversationId,
  onDone,
}: {
  session: CalibrationSession;
  conversationId: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('calibration');
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const categories = session.definition.categories;
  const unrated = categories.filter((c) => !ratings[c.key]).length;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await scoreCalibration(session.id, {
        conversation_id: conversationId,
        submit: true,
        ratings: categories
          .filter((c) => ratings[c.key])
          .map((c) =>
            ratings[c.key] === 'na'
              ? { key: c.key, rating: null, na: true }
              : { key: c.key, rating: Number(ratings[c.key]) },
          ),
      });
      onDone();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const binaryLabel = (point: number) => (point === 1 ? t('score.pass') : t('score.fail'));
  return (
    <form className="score-form panel" onSubmit={(e) => void submit(e)} data-testid="score-form">
      <p className="muted-small">{t('score.blind')}</p>
      <div className="form-grid">
        {categories.map((category) => (
          <label key={category.key} className="field">
            <span className="field__label">
              {category.name}
              {category.critical ? ` · ${t('score.critical')}` : ''}
            </span>
            <select
              className="input"
              value={ratings[category.key] ?? ''}
              onChange={(e) => setRatings((r) => ({ ...r, [category.key]: e.target.value }))}
              data-testid="score-category"
              data-key={category.key}
            >
              <option value="">{t('score.unrated')}</option>
              {pointsOf(category).map((point) => (
                <option key={point} value={point}>
                  {category.scale === 'binary' ? binaryLabel(point) : point}
                </option>
              ))}
              {category.allowNa ? <option value="na">{t('score.na')}</option> : null}
            </select>
          </label>
        ))}
      </div>
      <p className="muted-small">{t('score.unratedCount', { count: unrated })}</p>
      {error ? <FieldErrors error={error} /> : null}
      <div className="row-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="score-submit">
          {t('score.submit')}
        </button>
      </div>
    </form>
  );
}

function formatFigure(value: number | null, digits = 2): string {
  return value === null ? '—' : value.toFixed(digits);
}

function Results({ results, session }: { results: CalibrationResults; session: CalibrationSession }) {
  const { t } = useTranslation('calibration');
  const format = useLocaleFormat();
  const name = (userId: number) => results.reviewers.find((r) => r.user_id === userId)?.name ?? `#${userId}`;
  const levelText = (alpha: number | null) => {
    const level = alphaLevel(alpha);
    return <span className={`level--${level}`}>{t(`level.${level}`)}</span>;
  };
  return (
    <section className="stack" aria-labelledby="results-title" data-testid="calibration-results">
      <h2 id="results-title">{t('results.title')}</h2>
      <p>
        {t('results.totalAlpha')}:{' '}
        <strong data-testid="total-alpha">{formatFigure(results.total.alpha, 3)}</strong> ·{' '}
        {levelText(results.total.alpha)} · {t('results.pairable', { count: results.total.pairableValues })}
      </p>
      <p className="muted-small">
        {results.baseline_user_id === null
          ? t('results.baselineConsensus')
          : t('results.baseline', { name: name(results.baseline_user_id) })}
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="alpha-table">
          <caption className="sr-only">{t('results.categories')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.category')}</th>
              <th scope="col">{t('results.measurement')}</th>
              <th scope="col" className="numeric">
                α
              </th>
              <th scope="col">{t('results.reading')}</th>
              <th scope="col">{t('results.kappa')}</th>
            </tr>
          </thead>
          <tbody>
            {results.categories.map((category) => (
              <tr key={category.key} data-testid="alpha-row">
                <th scope="row">{category.name}</th>
                <td>{t(`measurement.${category.level}`)}</td>
                <td className="numeric">{formatFigure(category.alpha, 3)}</td>
                <td>{levelText(category.alpha)}</td>
                <td>
                  {category.kappa.length === 0
                    ? '—'
                    : category.kappa.map((pair) => (
                        <div key={`${pair.reviewerA}-${pair.reviewerB}`} className="muted-small">
                          {name(pair.reviewerA)} × {name(pair.reviewerB)}: κ {formatFigure(pair.kappa)} (n ={' '}
                          {pair.n})
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('results.deviation')}</h3>
      <div className="table-scroll">
        <table className="data-table" data-testid="deviation-table">
          <thead>
            <tr>
              <th scope="col">{t('results.reviewer')}</th>
              <th scope="col" className="numeric">
                {t('results.total')}
              </th>
              {results.categories.map((c) => (
                <th scope="col" key={c.key} className="numeric">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.deviation.map((row) => (
              <tr key={row.reviewerId}>
                <th scope="row">{name(row.reviewerId)}</th>
                <td className="numeric">{row.total === null ? '—' : format.number(row.total, 1)}</td>
                {results.categories.map((c) => {
                  const value = row.categories[c.key] ?? null;
                  return (
                    <td key={c.key} className="numeric">
                      {value === null ? '—' : format.number(value, 1)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('results.sideBySide')}</h3>
      <div className="table-scroll">
        <table className="data-table" data-testid="scores-table">
          <thead>
            <tr>
              <th scope="col">{t('results.reviewer')}</th>
              {session.conversation_ids.map((id) => (
                <th scope="col" key={id} className="numeric">
                  <Link to={`/conversations/${id}`}>{t('results.conversation', { id })}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.entries(results.scores).map(([reviewerId, scores]) => (
              <tr key={reviewerId}>
                <th scope="row">{name(Number(reviewerId))}</th>
                {session.conversation_ids.map((id) => {
                  const score = scores[String(id)] ?? null;
                  return (
                    <td key={id} className="numeric">
                      {score === null ? '—' : format.percent(score)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One session: progress, blind scoring, reveal and results. */
export function CalibrationSessionPage({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation('calibration');
  const format = useLocaleFormat();
  const me = useCurrentUser();
  const session = useApiData(`calibration ${sessionId}`, (signal) => getCalibration(sessionId, signal));
  const data = session.data;
  useDocumentTitle(data?.title ?? t('title'));
  const organiser = Boolean(data && (MANAGERS.has(me.role) || data.lead_user_id === me.id));
  const canSeeResults = Boolean(data && (data.status === 'revealed' || organiser));
  // A new submission changes the figures an organiser watches before the reveal.
  const submittedCount = (data?.participants ?? []).reduce((sum, p) => sum + p.submitted, 0);
  const results = useApiData(
    `calibration-results ${sessionId} ${data?.status ?? ''} ${canSeeResults} ${submittedCount}`,
    (signal) => (canSeeResults ? getCalibrationResults(sessionId, signal) : Promise.resolve(undefined)),
  );
  const [scoring, setScoring] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revealing, setRevealing] = useState(false);
  if (session.error)
    return <ErrorNotice error={session.error} onRetry={session.reload} retryLabel={t('retry')} />;
  if (!data) return <p className="muted">{t('loading')}</p>;
  const participant = data.participants.some((p) => p.user_id === me.id);
  const mine = (conversationId: number) =>
    data.reviews.find((r) => r.reviewer_user_id === me.id && r.conversation_id === conversationId);

  const reveal = async () => {
    if (!window.confirm(t('reveal.confirm'))) return;
    setRevealing(true);
    setError(null);
    try {
      await revealCalibration(sessionId);
      session.reload();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setRevealing(false);
    }
  };

  return (
    <div className="stack" data-testid="calibration-page">
      <Link to="/calibration" className="back-link">
        {t('back')}
      </Link>
      <div className="page-toolbar">
        <h1 className="page-title">{data.title}</h1>
        <span className="badge" data-testid="calibration-status">
          {t(`status.${data.status}`)}
        </span>
      </div>
      <p className="muted">
        {t('detail.scorecard', { name: data.definition.name, version: data.scorecard_version })}
        {data.due_at ? ` · ${t('detail.due', { date: format.dateTime(data.due_at) })}` : ''}
      </p>
      <section className="panel" aria-labelledby="progress-title">
        <h2 id="progress-title">{t('detail.progress')}</h2>
        <ul className="plain-list" data-testid="calibration-progress">
          {data.participants.map((p) => (
            <li key={p.user_id}>
              {p.name}
              {p.user_id === data.baseline_user_id ? ` · ${t('detail.baselineMark')}` : ''}:{' '}
              {t('detail.scored', { count: p.submitted, total: data.conversation_ids.length })}
            </li>
          ))}
        </ul>
        {organiser && data.status === 'open' ? (
          <div className="row-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void reveal()}
              disabled={revealing}
              data-testid="calibration-reveal"
            >
              {t('reveal.button')}
            </button>
            <span className="muted-small">{t('reveal.hint')}</span>
          </div>
        ) : null}
        {error ? <FieldErrors error={error} /> : null}
      </section>

      {participant ? (
        <section className="panel" aria-labelledby="scoring-title">
          <h2 id="scoring-title">{t('score.title')}</h2>
          <ul className="plain-list stack stack--tight">
            {data.conversation_ids.map((conversationId) => {
              const review = mine(conversationId);
              return (
                <li key={conversationId} data-testid="calibration-item" data-conversation={conversationId}>
                  <div className="row-actions">
                    <Link to={`/conversations/${conversationId}`} target="_blank" rel="noopener">
                      {t('results.conversation', { id: conversationId })}
                    </Link>
                    {review ? (
                      <span className="text-success" data-testid="scored-mark">
                        {review.status === 'submitted' ? t('score.done') : t('score.draft')}
                        {review.score !== null ? ` · ${format.percent(review.score)}` : ''}
                      </span>
                    ) : data.status === 'open' ? (
                      <button
                        type="button"
                        className="button"
                        onClick={() => setScoring(scoring === conversationId ? null : conversationId)}
                        aria-expanded={scoring === conversationId}
                        data-testid="score-open"
                      >
                        {t('score.open')}
                      </button>
                    ) : (
                      <span className="muted-small">{t('score.closed')}</span>
                    )}
                  </div>
                  {scoring === conversationId && !review ? (
                    <ScoreForm
                      session={data}
                      conversationId={conversationId}
                      onDone={() => {
                        setScoring(null);
                        session.reload();
                      }}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {results.error && results.error.status !== 409 ? (
        <ErrorNotice error={results.error} onRetry={results.reload} retryLabel={t('retry')} />
      ) : null}
      {results.data ? <Results results={results.data} session={data} /> : null}
      {!canSeeResults ? <p className="muted">{t('results.hidden')}</p> : null}
    </div>
  );
}
