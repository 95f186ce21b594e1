/**
 * The complaints register as a table, ordered, filtered and paged by the server: the most urgent
 * first (overdue, then open entries by the deadline that matters now, then settled ones) or the
 * newest first. The filters live in the URL so a view can be bookmarked; every row matching them
 * exports to CSV.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES, SEVERITIES } from '../../../src/domain/complaint-lifecycle';
import type { ApiError } from '../api/client';
import {
  getRegisterSettings,
  listPeople,
  listRegister,
  type RegisterEntry,
  type RegisterQuery,
  type RegisterSort,
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
/** The largest page the register API gives; the export reads pages of this size. */
const EXPORT_PAGE = 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An exact instant, as the topics page links a period it counted. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const SORTS: readonly RegisterSort[] = ['due', '-received'];
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

/**
 * The list's filters as the URL holds them; '' means not filtered. `from` and `to` are local days
 * (`to` included) from the date inputs, or exact instants (`to` excluded) from a link.
 */
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
  /** A user id, or '' for any owner. */
  owner: string;
  sort: RegisterSort;
  page: number;
}

function oneOf(allowed: readonly string[], value: string | null): string {
  return value !== null && allowed.includes(value) ? value : '';
}

function filtersFrom(search: string): ListFilters {
  const params = new URLSearchParams(search);
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) || (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) ? value : '';
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
    owner: /^[1-9]\d{0,15}$/.test(params.get('owner') ?? '') ? (params.get('owner') as string) : '',
    sort: (oneOf(SORTS, params.get('sort')) || 'due') as RegisterSort,
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
  set('owner', filters.owner);
  set('overdue', filters.overdue ? '1' : '');
  set('from', filters.from);
  set('to', filters.to);
  set('topic', filters.topic);
  set('topic_label', filters.topic ? filters.topicLabel : '');
  set('sort', filters.sort === 'due' ? '' : filters.sort);
  set('page', filters.page > 1 ? String(filters.page) : '');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The start of the period as an instant: a day from its local midnight. */
function startOf(value: string): string | undefined {
  if (!value) return undefined;
  return DAY.test(value) ? localMidnight(value) : value;
}

/** The end of the period as an instant, excluded: a day up to the next local midnight. */
function endOf(value: string): string | undefined {
  if (!value) return undefined;
  return DAY.test(value) ? localMidnight(value, 1) : value;
}

/** The local day a date input shows for a period bound (the day before an excluded end at midnight). */
function dayOf(value: string, end: boolean): string {
  if (!value || DAY.test(value)) return value;
  return localDay(new Date(Date.parse(value) - (end ? 1 : 0)));
}

/** The deadline that matters now (the server orders by it): acknowledgement until acknowledged, then resolution. */
function dueOf(row: RegisterEntry): string | null {
  return row.status === 'received' && !row.acknowledged_at ? row.acknowledge_due_at : row.resolve_due_at;
}

const ownerName = (row: RegisterEntry) =>
  row.owner_user_id === null ? '' : (row.owner_name ?? `#${row.owner_user_id}`);

/** One CSV field; text a spreadsheet would run as a formula is defused with a leading apostrophe. */
function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function registerCsv(rows: readonly RegisterEntry[]): string {
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
      ownerName(row),
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

/** Every entry matching the query, page by page, in the list's order. */
async function allMatching(query: RegisterQuery): Promise<RegisterEntry[]> {
  const rows: RegisterEntry[] = [];
  for (;;) {
    const page = await listRegister({ ...query, limit: EXPORT_PAGE, offset: rows.length });
    rows.push(...page.items);
    if (page.items.length < EXPORT_PAGE || rows.length >= page.total) return rows;
  }
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
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);

  const from = startOf(filters.from);
  const to = endOf(filters.to);
  const validPeriod = !from || !to || Date.parse(from) < Date.parse(to);
  const query: RegisterQuery = {
    status: filters.status || undefined,
    severity: filters.severity || undefined,
    category: filters.category || undefined,
    kind: filters.kind || undefined,
    owner_id: filters.owner ? Number(filters.owner) : undefined,
    overdue: filters.overdue || undefined,
    from,
    to,
    topic: filters.topic || undefined,
    sort: filters.sort,
  };
  const register = useApiData(`register ${JSON.stringify(query)} ${filters.page}`, (signal) =>
    listRegister({ ...query, limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE }, signal),
  );
  const settings = useApiData('complaint settings', (signal) => getRegisterSettings(signal));
  // Agents list only their own entries, and the staff directory is not theirs to read.
  const people = useApiData(`people ${me.role}`, (signal) => listPeople(me.role, signal));

  const rows = register.data?.items ?? [];
  const total = register.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = filters.page;
  const beyondLast = register.data !== undefined && !register.loading && page > pageCount;

  const change = (next: Partial<ListFilters>) =>
    navigate(`/complaints/list${searchOf({ ...filters, page: 1, ...next })}`, { replace: true });
  const goToPage = (next: number) => navigate(`/complaints/list${searchOf({ ...filters, page: next })}`);
  // A bookmarked page past the end (entries settled or removed since) shows the last one instead.
  const lastPage = beyondLast ? `/complaints/list${searchOf({ ...filters, page: pageCount })}` : null;
  useEffect(() => {
    if (lastPage) navigate(lastPage, { replace: true });
  }, [lastPage]);
  const categories = settings.data?.categories ?? [];
  const filtered = searchOf({ ...filters, sort: 'due', page: 1 }) !== '';

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const all = await allMatching(query);
      downloadCsv(`complaints-${localDay(new Date())}.csv`, registerCsv(all));
    } catch (error) {
      setExportError(error as ApiError);
    } finally {
      setExporting(false);
    }
  };

  const owners = people.data ?? [];
  const select = (
    name: 'status' | 'severity' | 'kind' | 'category' | 'owner',
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
          disabled={total === 0 || exporting}
          aria-busy={exporting}
          onClick={() => void exportCsv()}
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
        {me.role !== 'agent'
          ? select('owner', t('col.owner'), [
              ...owners.map((person) => ({ value: String(person.id), label: person.name })),
              ...(filters.owner && !owners.some((person) => String(person.id) === filters.owner)
                ? [{ value: filters.owner, label: `#${filters.owner}` }]
                : []),
            ])
          : null}
        <div className="field">
          <label className="field__label" htmlFor={fieldId('from')}>
            {t('list.from')}
          </label>
          <input
            id={fieldId('from')}
            type="date"
            className="input"
            value={dayOf(filters.from, false)}
            max={dayOf(filters.to, true) || undefined}
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
            value={dayOf(filters.to, true)}
            min={dayOf(filters.from, false) || undefined}
            onChange={(event) => change({ to: event.target.value })}
            data-testid="register-filter-to"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={fieldId('sort')}>
            {t('list.sort')}
          </label>
          <select
            id={fieldId('sort')}
            className="input"
            value={filters.sort}
            onChange={(event) => change({ sort: event.target.value as RegisterSort })}
            data-testid="register-sort"
          >
            <option value="due">{t('list.sortDue')}</option>
            <option value="-received">{t('list.sortNewest')}</option>
          </select>
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
        </p>
      ) : null}
      {!validPeriod ? (
        <p className="notice notice--error" role="alert">
          {t('list.invalidPeriod')}
        </p>
      ) : null}
      {register.error ? <ErrorNotice error={register.error} onRetry={register.reload} /> : null}
      {exportError ? <ErrorNotice error={exportError} onRetry={() => void exportCsv()} /> : null}
      <p
        className="muted"
        aria-live="polite"
        data-testid="register-count"
        data-count={register.data ? total : undefined}
      >
        {rows.length > 0
          ? t('list.shown', {
              first: format.number((page - 1) * PAGE_SIZE + 1, 0),
              last: format.number((page - 1) * PAGE_SIZE + rows.length, 0),
              total: format.number(total, 0),
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
            {register.data && rows.length === 0 && !beyondLast ? (
              <tr>
                <td colSpan={8} className="data-table__empty" data-testid="register-empty">
                  {t('list.empty')}
                </td>
              </tr>
            ) : null}
            {rows.map((row) => {
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
