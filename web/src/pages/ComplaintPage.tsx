import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextStatuses, RESOLUTION_TYPES } from '../../../src/domain/complaint-lifecycle';
import { type ApiError, getComplaint, transitionComplaint } from '../api/client';
import type { ComplaintDetail, ComplaintStatus } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

// A status in the history; codes this version does not know are shown as they are.
function statusText(status: string, t: TFunction): string {
  return t(`status.${status}`, { defaultValue: status });
}

/** The buttons of the allowed next steps; resolving and rejecting ask for what they need. */
function LifecycleActions({
  complaint,
  onDone,
}: {
  complaint: ComplaintDetail;
  onDone: (next: ComplaintDetail) => void;
}) {
  const { t } = useTranslation('complaints');
  const [pending, setPending] = useState<ComplaintStatus | null>(null);
  const [resolutionType, setResolutionType] = useState<string>(RESOLUTION_TYPES[3]);
  const [rootCause, setRootCause] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const go = async (to: ComplaintStatus) => {
    setBusy(true);
    setError(null);
    try {
      const next = await transitionComplaint(complaint.id, {
        to,
        revision: complaint.revision,
        ...(to === 'resolved' ? { resolution_type: resolutionType, root_cause: rootCause || undefined } : {}),
        ...(to === 'rejected' || to === 'reopened' ? { reason } : {}),
      });
      setPending(null);
      onDone(next);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const allowed = nextStatuses(complaint.status);
  return (
    <section className="panel" aria-label={t('detail.nextStep')}>
      <h2 className="panel__title">{t('detail.nextStep')}</h2>
      {allowed.length === 0 ? <p className="muted">{t('detail.final')}</p> : null}
      <div className="actions">
        {allowed.map((to) => (
          <button
            key={to}
            type="button"
            className="button"
            disabled={busy}
            data-testid={`transition-${to}`}
            onClick={() => (to === 'resolved' || to === 'rejected' ? setPending(to) : void go(to))}
          >
            {t(`action.${to}`)}
          </button>
        ))}
      </div>
      {pending === 'resolved' ? (
        <div className="inline-form">
          <label>
            <span>{t('detail.resolution')}</span>
            <select
              value={resolutionType}
              onChange={(e) => setResolutionType(e.target.value)}
              data-testid="resolution-type"
            >
              {RESOLUTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`resolutionType.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('detail.rootCause')}</span>
            <input
              value={rootCause}
              onChange={(e) => setRootCause(e.target.value)}
              data-testid="root-cause"
            />
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void go('resolved')}
            data-testid="confirm-resolved"
          >
            {t('action.resolved')}
          </button>
        </div>
      ) : null}
      {pending === 'rejected' ? (
        <div className="inline-form">
          <label>
            <span>{t('detail.reason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reject-reason" />
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void go('rejected')}
          >
            {t('action.rejected')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

/** One register entry: what happened, the lifecycle actions, the history and the communication log. */
export function ComplaintPage({ complaintId }: { complaintId: number }) {
  const loaded = useApiData(`complaint:${complaintId}`, (signal) => getComplaint(complaintId, signal));
  const [updated, setUpdated] = useState<ComplaintDetail | null>(null);
  const complaint = updated ?? loaded.data;
  const { t } = useTranslation('complaints');
  useDocumentTitle(complaint ? complaint.reference : t('detail.title'));

  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!complaint) return <p className="muted">{t('common:loading')}</p>;
  return (
    <article className="complaint" data-testid="complaint" data-status={complaint.status}>
      <Link to="/complaints" className="back-link">
        ← {t('title')}
      </Link>
      <h1 className="page-title">
        <span translate="no">{complaint.reference}</span>{' '}
        <span className="badge" data-testid="complaint-status">
          {t(`status.${complaint.status}`)}
        </span>{' '}
        <span className={`badge severity severity--${complaint.severity}`}>
          {t(`severity.${complaint.severity}`)}
        </span>
        {complaint.overdue ? <span className="badge badge--complaint">{t('detail.overdue')}</span> : null}
      </h1>
      <p className="complaint__description" translate="no">
        {complaint.description}
      </p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('detail.received')}</dt>
          <dd>{formatDateTime(complaint.received_at)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('detail.category')}</dt>
          <dd translate="no">{complaint.category ?? '—'}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('detail.owner')}</dt>
          <dd translate="no">{complaint.owner_name ?? '—'}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('detail.acknowledgeBy')}</dt>
          <dd>{formatDateTime(complaint.acknowledge_due_at)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('detail.resolveBy')}</dt>
          <dd>{formatDateTime(complaint.resolve_due_at)}</dd>
        </div>
        {complaint.resolution_type ? (
          <div className="facts__item">
            <dt>{t('detail.resolution')}</dt>
            <dd>
              {t(`resolutionType.${complaint.resolution_type}`, {
                defaultValue: complaint.resolution_type.replace(/_/g, ' '),
              })}
              {complaint.root_cause ? (
                <>
                  {' · '}
                  {t('detail.rootCauseValue')} <span translate="no">{complaint.root_cause}</span>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <LifecycleActions complaint={complaint} onDone={setUpdated} />
      <section className="panel" aria-label={t('detail.history')}>
        <h2 className="panel__title">{t('detail.history')}</h2>
        <ol className="history" data-testid="complaint-history">
          {complaint.history.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
              {t(`history.${entry.action}`, { defaultValue: entry.action.replace(/_/g, ' ') })}
              {entry.from && entry.to ? ` (${statusText(entry.from, t)} → ${statusText(entry.to, t)})` : ''}
            </li>
          ))}
        </ol>
      </section>
      {complaint.communications.length > 0 ? (
        <section className="panel" aria-label={t('detail.communication')}>
          <h2 className="panel__title">{t('detail.communication')}</h2>
          <ol>
            {complaint.communications.map((entry) => (
              <li key={entry.id}>
                {formatDateTime(entry.at)} ·{' '}
                {t(`direction.${entry.direction}`, { defaultValue: entry.direction.replace('_', ' ') })} ·{' '}
                {t(`common:channel.${entry.channel}`, { defaultValue: entry.channel })}:{' '}
                <span translate="no">{entry.summary}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
