import { useTranslation } from 'react-i18next';
import { listComplaints } from '../api/client';
import type { Complaint, ComplaintStatus } from '../api/types';
import { ComplaintTabs } from '../components/ComplaintTabs';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime, formatNumber } from '../lib/format';
import { Link, useLocation } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

// The columns of the board: the statuses a complaint is worked in, then the ones awaiting closure.
const COLUMNS: readonly ComplaintStatus[] = [
  'received',
  'acknowledged',
  'investigating',
  'reopened',
  'resolved',
];
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

function dueOf(complaint: Complaint): string | null {
  return complaint.status === 'received' ? complaint.acknowledge_due_at : complaint.resolve_due_at;
}

function ComplaintCard({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation('complaints');
  const due = dueOf(complaint);
  return (
    <li
      className={`complaint-card${complaint.overdue ? ' complaint-card--overdue' : ''}`}
      data-testid="complaint-card"
      data-status={complaint.status}
      data-overdue={complaint.overdue}
    >
      <Link to={`/complaints/${complaint.id}`} className="complaint-card__reference" translate="no">
        {complaint.reference}
      </Link>
      <span className={`badge severity severity--${complaint.severity}`}>
        {t(`severity.${complaint.severity}`)}
      </span>
      <p className="complaint-card__text" translate="no">
        {complaint.description}
      </p>
      <p className="muted">
        {complaint.category ? <span translate="no">{complaint.category}</span> : t('uncategorised')}
        {due ? (
          <>
            {' · '}
            {t('due')} <time dateTime={due}>{formatDateTime(due)}</time>
          </>
        ) : null}
        {complaint.overdue ? <strong className="overdue-label"> · {t('overdueLabel')}</strong> : null}
      </p>
    </li>
  );
}

/** The complaints board: open entries by status, overdue ones first in each column. */
export function ComplaintsPage() {
  const { t } = useTranslation('complaints');
  useDocumentTitle(t('title'));
  const { search } = useLocation();
  const overdueOnly = new URLSearchParams(search).get('overdue') === '1';
  const register = useApiData(`complaints:${overdueOnly}`, (signal) =>
    listComplaints({ overdue: overdueOnly, limit: 1000 }, signal),
  );
  const rows = register.data ?? [];
  const sorted = [...rows].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (dueOf(a) ?? '').localeCompare(dueOf(b) ?? ''),
  );
  const overdueCount = rows.filter((row) => row.overdue).length;

  return (
    <div className="complaints-page" data-testid="complaints-page">
      <ComplaintTabs />
      <h1 className="page-title">{t('title')}</h1>
      <p>
        {overdueOnly ? (
          <Link to="/complaints">{t('showAll')}</Link>
        ) : (
          <Link to="/complaints?overdue=1" data-testid="overdue-link">
            {t('overdueCount', { count: overdueCount })}
          </Link>
        )}
      </p>
      {register.error ? <ErrorNotice error={register.error} onRetry={register.reload} /> : null}
      <div className="board">
        {COLUMNS.map((status) => {
          const cards = sorted.filter((row) => row.status === status);
          return (
            <section
              key={status}
              className="board__column"
              aria-label={t(`status.${status}`)}
              data-testid={`column-${status}`}
            >
              <h2 className="panel__title">
                {t(`status.${status}`)} <span className="muted">({formatNumber(cards.length)})</span>
              </h2>
              <ol className="board__cards">
                {cards.map((complaint) => (
                  <ComplaintCard key={complaint.id} complaint={complaint} />
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
