/**
 * Corrective actions against recurring complaints: the list (open first, overdue marked, in the
 * server's order), a form to open one for topics and complaints, changes of status, owner, dates,
 * description and outcome, and whether it worked: the complaint rate on its topics before and
 * after it took effect. Owners are picked from the staff directory.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import {
  ACTION_STATUSES,
  type ActionEffect,
  type ActionStatus,
  type CorrectiveAction,
  type CorrectiveActionBody,
  createAction,
  getAction,
  getTopics,
  listActions,
  listPeople,
  listRecent,
  type Person,
  updateAction,
} from '../api/complaints';
import type { User } from '../api/types';
import { ComplaintTabs } from '../components/ComplaintTabs';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { localDay, localMidnight, useLocaleFormat } from '../components/localeFormat';
import { Link, useLocation } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import './complaints-extra.css';

const WRITERS = new Set(['admin', 'manager', 'lead']);
const TOPIC_READERS = new Set(['admin', 'manager', 'lead', 'reviewer', 'viewer']);
const WINDOWS = [7, 28, 90] as const;
const OPEN: readonly ActionStatus[] = ['open', 'in_progress'];
const YEAR_MS = 365 * 86_400_000;

/** The last instant of a local day, so an action due "on" a day is late only after it. */
function endOfDay(day: string): string {
  return new Date(Date.parse(localMidnight(day, 1)) - 1).toISOString();
}

function isOverdue(action: CorrectiveAction, now: number): boolean {
  return OPEN.includes(action.status) && action.due_at !== null && Date.parse(action.due_at) < now;
}

/**
 * Owner choices: the staff directory (the signed-in user alone until it answers), and the current
 * owner when not in it (a disabled user keeps the actions they owned).
 */
function ownerChoices(
  people: readonly Person[],
  me: User,
  current: number | null,
  currentName: string | null,
): Person[] {
  const choices = people.length > 0 ? [...people] : [{ id: me.id, name: me.name }];
  if (current !== null && !choices.some((person) => person.id === current)) {
    choices.push({ id: current, name: currentName ?? `#${current}` });
  }
  return choices;
}

function OwnerSelect({
  id,
  value,
  valueName = null,
  people,
  onChange,
  testId,
}: {
  id: string;
  value: number | null;
  /** The name of the owner `value` as the action gives it. */
  valueName?: string | null;
  people: readonly Person[];
  onChange: (owner: number | null) => void;
  testId: string;
}) {
  const { t } = useTranslation('complaints');
  const me = useCurrentUser();
  return (
    <select
      id={id}
      className="input"
      value={value === null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      data-testid={testId}
    >
      <option value="">{t('actions.noOwner')}</option>
      {ownerChoices(people, me, value, valueName).map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
        </option>
      ))}
    </select>
  );
}

/** Complaint ids for references (C-2026-000012) or ids typed by the user; unknown ones listed apart. */
async function resolveComplaints(text: string): Promise<{ ids: number[]; unknown: string[] }> {
  const tokens = text
    .split(/[\s,;]+/)
    .map((token) => token.trim())
    .filter(Boolean);
  if (tokens.length === 0) return { ids: [], unknown: [] };
  const needsLookup = tokens.some((token) => !/^\d+$/.test(token));
  const recent = needsLookup ? await listRecent() : [];
  const byReference = new Map(recent.map((row) => [row.reference.toUpperCase(), row.id]));
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const token of tokens) {
    const id = /^\d+$/.test(token) ? Number(token) : byReference.get(token.toUpperCase());
    if (id === undefined) unknown.push(token);
    else ids.push(id);
  }
  return { ids, unknown };
}

function NewActionForm({
  people,
  topics,
  preset,
  onCreated,
}: {
  people: readonly Person[];
  topics: ReadonlyArray<{ topic: string; label: string; count: number }>;
  preset: string[];
  onCreated: () => void;
}) {
  const { t } = useTranslation('complaints');
  const me = useCurrentUser();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<number | null>(me.id);
  const [due, setDue] = useState('');
  const [chosen, setChosen] = useState<string[]>(preset);
  const [references, setReferences] = useState('');
  const [unknown, setUnknown] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(false);
    try {
      const resolved = await resolveComplaints(references);
      setUnknown(resolved.unknown);
      if (resolved.unknown.length > 0) return;
      const body: CorrectiveActionBody = {
        title: title.trim(),
        description,
        owner_user_id: owner,
        due_at: due ? endOfDay(due) : null,
        topics: chosen,
        complaint_ids: resolved.ids,
      };
      await createAction(body);
      setTitle('');
      setDescription('');
      setDue('');
      setChosen([]);
      setReferences('');
      setCreated(true);
      onCreated();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  // Topics of the URL (a click on the topics page) stay offered even when outside the year's list.
  const offered = [
    ...topics,
    ...preset
      .filter((key) => !topics.some((topic) => topic.topic === key))
      .map((key) => ({ topic: key, label: key, count: 0 })),
  ];
  return (
    <form className="panel stack-form" onSubmit={(event) => void submit(event)} data-testid="action-form">
      <h2 className="panel__title">{t('actions.new')}</h2>
      <div className="form-columns">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-title`}>
            {t('actions.fieldTitle')}
          </label>
          <input
            id={`${ids}-title`}
            className="input"
            required
            maxLength={500}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="action-title"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-owner`}>
            {t('actions.owner')}
          </label>
          <OwnerSelect
            id={`${ids}-owner`}
            value={owner}
            people={people}
            onChange={setOwner}
            testId="action-owner"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-due`}>
            {t('actions.due')}
          </label>
          <input
            id={`${ids}-due`}
            type="date"
            className="input"
            value={due}
            onChange={(event) => setDue(event.target.value)}
            data-testid="action-due"
          />
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-description`}>
          {t('actions.description')}
        </label>
        <textarea
          id={`${ids}-description`}
          className="input textarea-input"
          maxLength={20000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          data-testid="action-description"
        />
      </div>
      {offered.length > 0 ? (
        <fieldset className="topic-choices">
          <legend className="field__label">{t('actions.topics')}</legend>
          {offered.map((topic) => (
            <label key={topic.topic} className="checkbox-field">
              <input
                type="checkbox"
                value={topic.topic}
                checked={chosen.includes(topic.topic)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, topic.topic]
                      : current.filter((key) => key !== topic.topic),
                  )
                }
                data-testid="action-topic"
              />
              <span translate="no">{topic.label}</span>
              {topic.count > 0 ? <span className="muted"> ({topic.count})</span> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-complaints`}>
          {t('actions.complaints')}
        </label>
        <input
          id={`${ids}-complaints`}
          className="input"
          value={references}
          onChange={(event) => setReferences(event.target.value)}
          aria-describedby={`${ids}-complaints-hint`}
          data-testid="action-complaints"
        />
        <span id={`${ids}-complaints-hint`} className="muted-note">
          {t('actions.complaintsHint')}
        </span>
      </div>
      {unknown.length > 0 ? (
        <p className="notice notice--error" role="alert" data-testid="action-unknown">
          {t('actions.unknownComplaints', { references: unknown.join(', ') })}
        </p>
      ) : null}
      {error ? <FieldErrors error={error} /> : null}
      <div className="row-buttons">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="action-create">
          {t('actions.create')}
        </button>
        {created ? (
          <span role="status" className="muted" data-testid="action-created">
            {t('actions.created')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function Effect({ effect, hasTopics }: { effect: ActionEffect; hasTopics: boolean }) {
  const { t } = useTranslation('complaints');
  const format = useLocaleFormat();
  if (!hasTopics) return <p className="muted">{t('actions.noTopics')}</p>;
  const rate = (value: number | null) => (value === null ? '—' : format.number(value, 2));
  const difference = effect.difference_per_1000;
  const verdict =
    effect.p_value === null || difference === null
      ? 'verdictNone'
      : effect.p_value >= 0.05
        ? 'verdictUnclear'
        : difference < 0
          ? 'verdictFewer'
          : 'verdictMore';
  return (
    <div className="effect" data-testid="action-effect">
      <table className="data-table effect-table">
        <caption className="sr-only">{t('actions.effect')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="numeric">
              {t('actions.before')}
              <span className="muted-note">
                {format.date(effect.before.from)} – {format.date(effect.before.to)}
              </span>
            </th>
            <th scope="col" className="numeric">
              {t('actions.after')}
              <span className="muted-note">
                {format.date(effect.after.from)} – {format.date(effect.after.to)}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('actions.complaintsOnTopics')}</th>
            <td className="numeric" data-testid="effect-before">
              {format.number(effect.before.complaints, 0)}
            </td>
            <td className="numeric" data-testid="effect-after">
              {format.number(effect.after.complaints, 0)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('actions.conversations')}</th>
            <td className="numeric">{format.number(effect.before.conversations, 0)}</td>
            <td className="numeric">{format.number(effect.after.conversations, 0)}</td>
          </tr>
          <tr>
            <th scope="row">{t('actions.rate')}</th>
            <td className="numeric">{rate(effect.before.rate_per_1000)}</td>
            <td className="numeric">{rate(effect.after.rate_per_1000)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        {difference !== null ? (
          <>
            {t('actions.difference', { value: format.number(difference, 2) })}
            {effect.ci95_per_1000
              ? ` (${t('actions.interval', {
                  low: format.number(effect.ci95_per_1000[0], 2),
                  high: format.number(effect.ci95_per_1000[1], 2),
                })}${effect.p_value === null ? '' : `, p = ${format.number(effect.p_value, 3)}`})`
              : null}{' '}
          </>
        ) : null}
        <strong data-testid="effect-verdict" data-verdict={verdict}>
          {t(`actions.${verdict}`)}
        </strong>
      </p>
    </div>
  );
}

function ActionDetail({
  action,
  people,
  topicLabel,
  mayWrite,
  onChanged,
}: {
  action: CorrectiveAction;
  people: readonly Person[];
  topicLabel: (key: string) => string;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('complaints');
  const format = useLocaleFormat();
  const ids = useId();
  const [windowDays, setWindowDays] = useState<number>(28);
  const detail = useApiData(`action ${action.id} ${windowDays} ${action.updated_at}`, (signal) =>
    getAction(action.id, windowDays, signal),
  );
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [owner, setOwner] = useState<number | null>(action.owner_user_id);
  const [due, setDue] = useState(action.due_at ? localDay(new Date(action.due_at)) : '');
  const [effective, setEffective] = useState(
    action.effective_at ? localDay(new Date(action.effective_at)) : '',
  );
  const [description, setDescription] = useState(action.description);
  const [outcome, setOutcome] = useState(action.outcome);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes: CorrectiveActionBody = {};
    if (status !== action.status) changes.status = status;
    if (owner !== action.owner_user_id) changes.owner_user_id = owner;
    const dueAt = due ? endOfDay(due) : null;
    if ((action.due_at ? localDay(new Date(action.due_at)) : '') !== due) changes.due_at = dueAt;
    if ((action.effective_at ? localDay(new Date(action.effective_at)) : '') !== effective) {
      changes.effective_at = effective ? localMidnight(effective) : null;
    }
    if (description !== action.description) changes.description = description;
    if (outcome !== action.outcome) changes.outcome = outcome;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      if (Object.keys(changes).length > 0) await updateAction(action.id, changes);
      setSaved(true);
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const complaints = detail.data?.complaints ?? [];
  return (
    <div className="action-detail" data-testid="action-detail">
      {!mayWrite && action.description ? <p className="prewrap">{action.description}</p> : null}
      {!mayWrite && action.outcome ? (
        <section aria-labelledby={`${ids}-outcome-heading`}>
          <h3 id={`${ids}-outcome-heading`} className="detail-heading">
            {t('actions.outcome')}
          </h3>
          <p className="prewrap" data-testid="action-outcome-text">
            {action.outcome}
          </p>
        </section>
      ) : null}
      {action.topics.length > 0 ? (
        <p>
          {t('actions.topics')}: <span translate="no">{action.topics.map(topicLabel).join(', ')}</span>
        </p>
      ) : null}
      <section aria-labelledby={`${ids}-linked`}>
        <h3 id={`${ids}-linked`} className="detail-heading">
          {t('actions.linked')}
        </h3>
        {complaints.length === 0 ? (
          <p className="muted">{detail.data ? t('actions.noComplaints') : t('common:loading')}</p>
        ) : (
          <ul className="inline-list" data-testid="action-complaints-list">
            {complaints.map((complaint) => (
              <li key={complaint.id}>
                <Link to={`/complaints/${complaint.id}`} translate="no">
                  {complaint.reference}
                </Link>{' '}
                <span className="muted">
                  {t(`status.${complaint.status}`, { defaultValue: complaint.status })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${ids}-effect`}>
        <div className="row-buttons">
          <h3 id={`${ids}-effect`} className="detail-heading">
            {t('actions.effect')}
          </h3>
          <label className="inline-field">
            <span>{t('actions.window')}</span>
            <select
              className="input input--compact"
              value={windowDays}
              onChange={(event) => setWindowDays(Number(event.target.value))}
              data-testid="effect-window"
            >
              {WINDOWS.map((days) => (
                <option key={days} value={days}>
                  {format.number(days, 0)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : null}
        {detail.data ? <Effect effect={detail.data.effect} hasTopics={action.topics.length > 0} /> : null}
      </section>
      {mayWrite ? (
        <form className="stack-form" onSubmit={(event) => void save(event)} data-testid="action-edit">
          <h3 className="detail-heading">{t('actions.change')}</h3>
          <div className="form-columns">
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-status`}>
                {t('actions.status')}
              </label>
              <select
                id={`${ids}-status`}
                className="input"
                value={status}
                onChange={(event) => setStatus(event.target.value as ActionStatus)}
                data-testid="action-status"
              >
                {ACTION_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {t(`actionStatus.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-owner`}>
                {t('actions.owner')}
              </label>
              <OwnerSelect
                id={`${ids}-owner`}
                value={owner}
                valueName={owner === action.owner_user_id ? action.owner_name : null}
                people={people}
                onChange={setOwner}
                testId="action-edit-owner"
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-due`}>
                {t('actions.due')}
              </label>
              <input
                id={`${ids}-due`}
                type="date"
                className="input"
                value={due}
                onChange={(event) => setDue(event.target.value)}
                data-testid="action-edit-due"
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-effective`}>
                {t('actions.effectiveAt')}
              </label>
              <input
                id={`${ids}-effective`}
                type="date"
                className="input"
                value={effective}
                onChange={(event) => setEffective(event.target.value)}
                data-testid="action-edit-effective"
              />
            </div>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-description`}>
              {t('actions.description')}
            </label>
            <textarea
              id={`${ids}-description`}
              className="input textarea-input"
              maxLength={20000}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              data-testid="action-edit-description"
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-outcome`}>
              {t('actions.outcome')}
            </label>
            <textarea
              id={`${ids}-outcome`}
              className="input textarea-input"
              maxLength={20000}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value)}
              aria-describedby={`${ids}-outcome-hint`}
              data-testid="action-edit-outcome"
            />
            <span id={`${ids}-outcome-hint`} className="muted-note">
              {t('actions.outcomeHint')}
            </span>
          </div>
          {error ? <FieldErrors error={error} /> : null}
          <div className="row-buttons">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="action-save"
            >
              {t('actions.save')}
            </button>
            {saved ? (
              <span role="status" className="muted" data-testid="action-saved">
                {t('actions.saved')}
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** The corrective actions page. */
export function CorrectiveActionsPage() {
  const { t } = useTranslation('complaints');
  useDocumentTitle(t('actions.title'));
  const format = useLocaleFormat();
  const me = useCurrentUser();
  const mayWrite = WRITERS.has(me.role);
  const { search } = useLocation();
  const presetTopic = new URLSearchParams(search).get('topic')?.slice(0, 500) ?? '';
  const actions = useApiData('corrective actions', (signal) => listActions(signal));
  // Only those who change actions pick owners; the list names them itself.
  const people = useApiData(`people ${me.role}`, (signal) =>
    mayWrite ? listPeople(me.role, signal) : Promise.resolve([]),
  );
  const [since] = useState(() => new Date(Date.now() - YEAR_MS).toISOString());
  const topics = useApiData(`action topics ${me.role}`, (signal) =>
    TOPIC_READERS.has(me.role) ? getTopics({ from: since }, signal) : Promise.resolve(null),
  );
  const [formOpen, setFormOpen] = useState(presetTopic !== '');
  const [expanded, setExpanded] = useState<number | null>(null);
  const [now] = useState(() => Date.now());

  const ownerName = (action: CorrectiveAction) =>
    action.owner_user_id === null ? '—' : (action.owner_name ?? `#${action.owner_user_id}`);
  const topicRows = (topics.data?.topics ?? []).filter((topic) => topic.topic !== 'unclassified');
  const labels = new Map(topicRows.map((topic) => [topic.topic, topic.label || topic.topic]));
  const topicLabel = (key: string) => labels.get(key) ?? key;
  const rows = actions.data ?? [];
  const overdueCount = rows.filter((action) => isOverdue(action, now)).length;

  return (
    <div className="complaints-area" data-testid="corrective-actions-page">
      <ComplaintTabs />
      <div className="complaints-toolbar">
        <h1 className="page-title">{t('actions.title')}</h1>
        {mayWrite ? (
          <button
            type="button"
            className="button"
            aria-expanded={formOpen}
            onClick={() => setFormOpen((open) => !open)}
            data-testid="action-new"
          >
            {t('actions.new')}
          </button>
        ) : null}
      </div>
      {mayWrite && formOpen ? (
        <NewActionForm
          key={presetTopic}
          people={people.data ?? []}
          topics={topicRows.map((topic) => ({
            topic: topic.topic,
            label: topic.label || topic.topic,
            count: topic.count,
          }))}
          preset={presetTopic ? [presetTopic] : []}
          onCreated={actions.reload}
        />
      ) : null}
      {overdueCount > 0 ? (
        <p className="text-danger-strong" data-testid="actions-overdue-count">
          {t('actions.overdueCount', { count: overdueCount })}
        </p>
      ) : null}
      {actions.error ? <ErrorNotice error={actions.error} onRetry={actions.reload} /> : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="actions-table" aria-busy={actions.loading}>
          <caption className="sr-only">{t('actions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actions.fieldTitle')}</th>
              <th scope="col">{t('actions.status')}</th>
              <th scope="col">{t('actions.owner')}</th>
              <th scope="col">{t('actions.due')}</th>
              <th scope="col">{t('actions.topics')}</th>
              <th scope="col" className="numeric">
                {t('actions.complaints')}
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.data && rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="data-table__empty">
                  {t('actions.empty')}
                </td>
              </tr>
            ) : null}
            {rows.flatMap((action) => {
              const overdue = isOverdue(action, now);
              const open = expanded === action.id;
              const row = (
                <tr
                  key={action.id}
                  className={overdue ? 'register-row register-row--overdue' : 'register-row'}
                  data-testid="action-row"
                  data-action-id={action.id}
                  data-status={action.status}
                  data-overdue={overdue}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open}
                      onClick={() => setExpanded(open ? null : action.id)}
                      data-testid="action-toggle"
                    >
                      {action.title}
                    </button>
                  </th>
                  <td data-testid="action-status-text">{t(`actionStatus.${action.status}`)}</td>
                  <td translate="no" data-testid="action-owner-name">
                    {ownerName(action)}
                  </td>
                  <td className="nowrap register-due">
                    {action.due_at ? <time dateTime={action.due_at}>{format.date(action.due_at)}</time> : '—'}
                    {overdue ? <strong className="overdue-flag">{t('detail.overdue')}</strong> : null}
                  </td>
                  <td translate="no">{action.topics.map(topicLabel).join(', ') || '—'}</td>
                  <td className="numeric" data-testid="action-complaint-count">
                    {format.number(action.complaint_count, 0)}
                  </td>
                </tr>
              );
              return open
                ? [
                    row,
                    <tr key={`${action.id}-detail`} className="action-detail-row">
                      <td colSpan={6}>
                        <ActionDetail
                          action={action}
                          people={people.data ?? []}
                          topicLabel={topicLabel}
                          mayWrite={mayWrite}
                          onChanged={actions.reload}
                        />
                      </td>
                    </tr>,
                  ]
                : [row];
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
