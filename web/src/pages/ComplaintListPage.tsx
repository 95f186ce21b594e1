/**
 * The complaints register as a table: overdue entries first, then by due date. The filters live
 * in the URL so a view can be bookmarked; the rows matching them export to CSV.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  OPEN_STATUSES,
  SEVERITIES,
} from '../../../src/domain/complaint-lifecycle';
import {
  getRegisterSettings,
  listPeople,
  listRegister,
  type RegisterEntry,
  type RegisterQuery,
} from '../api/complaints';
import { ComplaintTabs } from '../components/ComplaintTabs';
import { ErrorNotice } from '../components/ErrorNotice';
import { localDay, localMidnight, useLocaleFormat } from '../components/localeFormat';
import { Pager } from '../components/Pager';
import { Link, navigate, useLocation } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import './complaints-extra.css';

const PAGE_SIZE = 50;
/** The largest page the register API gives. */
const LIMIT = 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CSV_COLUMNS = [
  'reference',
  'kind',
  'received_at',
  'customer',
  'channel',
  'category',
  'severity',
  'status',
  'due_at',
  'overdue',
  'owner',
] as const;

/** The list's filters as the URL holds them; '' means not filtered. */
interface ListFilters {
  status: string;
  severity: string;
  category: string;
  kind: string;
  overdue: boolean;
  from: string;
  to: string;
  topic: string;
  topicLabel: string;
  page: number;
}

function oneOf(allowed: readonly string[], value: string | null): string {
  return value !== null && allowed.includes(value) ? value : '';
}

function filtersFrom(search: string): ListFilters {
  const params = new URLSearchParams(search);
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const page = Number(params.get('page'));
  return {
    status: oneOf(COMPLAINT_STATUSES, params.get('status')),
    severity: oneOf(SEVERITIES, params.get('severity')),
    category: (params.get('category') ?? '').slice(0, 200),
    kind: oneOf(COMPLAINT_KINDS, params.get('kind')),
    overdue: params.get('overdue') === '1',
    from: day('from'),
    to: day('to'),
    topic: (params.get('topic') ?? '').slice(0, 500),
    topicLabel: (params.get('topic_label') ?? '').slice(0, 500),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function searchOf(filters: ListFilters): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => {
    if (value) params.set(name, value);
  };
  set('status', filters.status);
  set('severity', filters.severity);
  set('category', filters.category);
  set('kind', filters.kind);
  set('overdue', filters.overdue ? '1' : '');
  set('from', filters.from);
  set('to', filters.to);
  set('topic', filters.topic);
  set('topic_label', filters.topic ? filters.topicLabel : '');
  set('page', filters.page > 1 ? String(filters.page) : '');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The deadline that matters now: acknowledgement until acknowledged, then resolution. */
function dueOf(row: RegisterEntry): string | null {
  return row.status === 'received' && !row.acknowledged_at ? row.acknowledge_due_at : row.resolve_due_at;
}

const isOpen = (row: RegisterEntry) => OPEN_STATUSES.includes(row.status as ComplaintStatus);

/**
 * Overdue first, then by the nearest deadline (none last), then the newest; settled entries after
 * the open ones, since a deadline they met long ago says nothing about what to do next.
 */
function byUrgency(a: RegisterEntry, b: RegisterEntry): number {
  const dueA = dueOf(a);
  const dueB = dueOf(b);
  const byDue = dueA === dueB ? 0 : dueA === null ? 1 : dueB === null ? -1 : dueA < dueB ? -1 : 1;
  return (
    Number(b.overdue) - Number(a.overdue) ||
    Number(isOpen(b)) - Number(isOpen(a)) ||
    byDue ||
    b.received_at.localeCompare(a.received_at) ||
    b.id - a.id
  );
}

/** One CSV field; text a spreadsheet would run as a formula is defused with a leading apostrophe. */
function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function registerCsv(rows: readonly RegisterEntry[], owner: (row: RegisterEntry) => string): string {
  const lines = rows.map((row) =>
    [
      row.reference,
      row.kind,
      row.received_at,
      row.contact_name,
      row.channel,
      row.category,
      row.severity,
      row.status,
      dueOf(row),
      row.overdue,
      owner(row),
    ]
      .map(csvField)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

function downloadCsv(name: string, text: string): void {
  // The byte-order mark makes spreadsheets read the UTF-8 (Cyrillic names) as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The register list page. */
export function ComplaintListPage() {
  const { t } = useTranslation('complaints');
  useDocumentTitle(t('list.title'));
  const format = useLocaleFormat();
  const me = useCurrentUser();
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const ids = useId();
  const fieldId = (name: string) => `${ids}-${name}`;

  const query: RegisterQuery = {
    status: filters.status || undefined,
    severity: filters.severity || undefined,
    category: filters.category || undefined,
    kind: filters.kind || undefined,
    topic: filters.topic || undefined,
  };
  const register = useApiData(`register ${JSON.stringify(query)} ${filters.overdue}`, async (signal) => {
    // The server lists newest first; a second call makes sure no overdue entry falls off the end.
    const [listed, overdue] = await Promise.all([
      listRegister({ ...query, overdue: filters.overdue || undefined, limit: LIMIT }, signal),
      filters.overdue ? Promise.resolve([]) : listRegister({ ...query, overdue: true, limit: LIMIT }, signal),
    ]);
    const byId = new Map<number, RegisterEntry>();
    for (const row of [...overdue, ...listed]) byId.set(row.id, row);
    return { rows: [...byId.values()], truncated: listed.length >= LIMIT };
  });
  const settings = useApiData('complaint settings', (signal) => getRegisterSettings(signal));
  const people = useApiData(`people ${me.role}`, (signal) => listPeople(me.role, signal));
  const names = new Map((people.data ?? []).map((person) => [person.id, person.name]));
  const ownerName = (row: RegisterEntry) =>
    row.owner_user_id === null
      ? ''
      : (names.get(row.owner_user_id) ?? (row.owner_user_id === me.id ? me.name : `#${row.owner_user_id}`));

  const fromMs = filters.from ? Date.parse(localMidnight(filters.from)) : -Infinity;
  const toMs = filters.to ? Date.parse(localMidnight(filters.to, 1)) : Infinity;
  const validPeriod = fromMs < toMs;
  const loaded = register.data?.rows ?? [];
  const topicKnown = loaded.length === 0 || loaded.some((row) => row.topic !== undefined);
  const rows = loaded
    .filter((row) => {
      const received = Date.parse(row.received_at);
      if (received < fromMs || received >= toMs) return false;
      return !filters.topic || !topicKnown || row.topic === filters.topic;
    })
    .sort(byUrgency);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const change = (next: Partial<ListFilters>) =>
    navigate(`/complaints/list${searchOf({ ...filters, page: 1, ...next })}`, { replace: true });
  const goToPage = (next: number) => navigate(`/complaints/list${searchOf({ ...filters, page: next })}`);
  const categories = settings.data?.categories ?? [];
  const filtered = searchOf({ ...filters, page: 1 }) !== '';

  const select = (
    name: 'status' | 'severity' | 'kind' | 'category',
    label: string,
    options: ReadonlyArray<{ value: string; label: string }>,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <select
        id={fieldId(name)}
        className="input"
        value={filters[name]}
        onChange={(event) => change({ [name]: event.target.value })}
        data-testid={`register-filter-${name}`}
      >
        <option value="">{t('list.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="complaints-area" data-testid="complaint-list-page">
      <ComplaintTabs />
      <div className="complaints-toolbar">
        <h1 className="page-title">{t('list.title')}</h1>
        <button
          type="button"
          className="button"
          disabled={rows.length === 0}
          onClick={() => downloadCsv(`complaints-${localDay(new Date())}.csv`, registerCsv(rows, ownerName))}
          data-testid="register-export"
        >
          {t('list.exportCsv')}
        </button>
      </div>
      <search className="complaints-filters" aria-label={t('list.filters')}>
        {select(
          'status',
          t('list.status'),
          COMPLAINT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
        )}
        {select(
          'severity',
          t('list.severity'),
          SEVERITIES.map((value) => ({ value, label: t(`severity.${value}`) })),
        )}
        {select('category', t('list.category'), [
          ...categories.map((value) => ({ value, label: value })),
          ...(filters.category && !categories.includes(filters.category)
            ? [{ value: filters.category, label: filters.category }]
            : []),
        ])}
        {select(
          'kind',
          t('list.kind'),
          COMPLAINT_KINDS.map((value) => ({ value, label: t(`kind.${value}`) })),
        )}
        <div className="field">
          <label className="field__label" htmlFor={fieldId('from')}>
            {t('list.from')}
          </label>
          <input
            id={fieldId('from')}
            type="date"
            className="input"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(event) => change({ from: event.target.value })}
            data-testid="register-filter-from"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={fieldId('to')}>
            {t('list.to')}
          </label>
          <input
            id={fieldId('to')}
            type="date"
            className="input"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(event) => change({ to: event.target.value })}
            data-testid="register-filter-to"
          />
        </div>
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(event) => change({ overdue: event.target.checked })}
            data-testid="register-filter-overdue"
          />
          {t('list.overdueOnly')}
        </label>
        {filtered ? (
          <Link to="/complaints/list" className="button button--quiet" data-testid="register-clear">
            {t('list.clear')}
          </Link>
        ) : null}
      </search>
      {filters.topic ? (
        <p className="complaints-note" data-testid="register-topic">
          <span translate="no">{t('list.topic', { topic: filters.topicLabel || filters.topic })}</span>{' '}
          <Link to={`/complaints/list${searchOf({ ...filters, topic: '', page: 1 })}`}>
            {t('list.removeTopic')}
          </Link>
          {topicKnown ? null : <span className="muted"> {t('list.topicUnsupported')}</span>}
        </p>
      ) : null}
      {!validPeriod ? (
        <p className="notice notice--error" role="alert">
          {t('list.invalidPeriod')}
        </p>
      ) : null}
      {register.error ? <ErrorNotice error={register.error} onRetry={register.reload} /> : null}
      {register.data?.truncated ? (
        <p className="complaints-note" role="status" data-testid="register-truncated">
          {t('list.truncated', { limit: format.number(LIMIT, 0) })}
        </p>
      ) : null}
      <p className="muted" aria-live="polite" data-testid="register-count" data-count={rows.length}>
        {rows.length > 0
          ? t('list.shown', {
              first: format.number((page - 1) * PAGE_SIZE + 1, 0),
              last: format.number((page - 1) * PAGE_SIZE + shown.length, 0),
              total: format.number(rows.length, 0),
            })
          : null}
      </p>
      <div className="table-scroll">
        <table
          className="data-table register-table"
          data-testid="register-table"
          aria-busy={register.loading}
        >
          <caption className="sr-only">{t('list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.reference')}</th>
              <th scope="col">{t('col.received')}</th>
              <th scope="col">{t('col.customer')}</th>
              <th scope="col">{t('col.category')}</th>
              <th scope="col">{t('col.severity')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.due')}</th>
              <th scope="col">{t('col.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {register.data && rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="data-table__empty" data-testid="register-empty">
                  {t('list.empty')}
                </td>
              </tr>
            ) : null}
            {shown.map((row) => {
              const due = dueOf(row);
              return (
                <tr
                  key={row.id}
                  className={row.overdue ? 'register-row register-row--overdue' : 'register-row'}
                  data-testid="register-row"
                  data-reference={row.reference}
                  data-overdue={row.overdue}
                >
                  <th scope="row">
                    <Link to={`/complaints/${row.id}`} translate="no">
                      {row.reference}
                    </Link>
                    {row.kind !== 'complaint' ? (
                      <span className="muted-note">{t(`kind.${row.kind}`)}</span>
                    ) : null}
                  </th>
                  <td className="nowrap">
                    <time dateTime={row.received_at}>{format.dateTime(row.received_at)}</time>
                  </td>
                  <td>
                    {row.contact_name ? <span translate="no">{row.contact_name}</span> : null}
                    {row.channel ? (
                      <span className="muted-note">
                        {t(`common:channel.${row.channel}`, { defaultValue: row.channel })}
                      </span>
                    ) : null}
                    {!row.contact_name && !row.channel ? '—' : null}
                  </td>
                  <td>{row.category ? <span translate="no">{row.category}</span> : t('uncategorised')}</td>
                  <td>
                    <span className={`badge severity severity--${row.severity}`}>
                      {t(`severity.${row.severity}`)}
                    </span>
                  </td>
                  <td>{t(`status.${row.status}`, { defaultValue: row.status })}</td>
                  <td className="nowrap register-due">
                    {due ? <time dateTime={due}>{format.dateTime(due)}</time> : '—'}
                    {row.overdue ? (
                      <strong className="overdue-flag" data-testid="register-overdue">
                        {t('detail.overdue')}
                      </strong>
                    ) : null}
                  </td>
                  <td translate="no">{ownerName(row) || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <Pager
          pageNumber={page}
          hasPrevious={page > 1}
          hasNext={page < pageCount}
          disabled={register.loading}
          onPrevious={() => goToPage(page - 1)}
          onNext={() => goToPage(page + 1)}
        />
      ) : null}
    </div>
  );
}
