import { useState } from 'react';
import { nextStatuses, RESOLUTION_TYPES } from '../../../src/domain/complaint-lifecycle';
import { type ApiError, getComplaint, transitionComplaint } from '../api/client';
import type { ComplaintDetail, ComplaintStatus } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const ACTION_LABELS: Record<ComplaintStatus, string> = {
  received: 'Received',
  acknowledged: 'Acknowledge',
  investigating: 'Start investigating',
  resolved: 'Resolve',
  closed: 'Close',
  reopened: 'Reopen',
  withdrawn: 'Withdrawn by the customer',
  rejected: 'Reject',
};

/** The buttons of the allowed next steps; resolving and rejecting ask for what they need. */
function LifecycleActions({
  complaint,
  onDone,
}: {
  complaint: ComplaintDetail;
  onDone: (next: ComplaintDetail) => void;
}) {
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
    <section className="panel" aria-label="Next step">
      <h2 className="panel__title">Next step</h2>
      {allowed.length === 0 ? <p className="muted">This entry is final.</p> : null}
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
            {ACTION_LABELS[to]}
          </button>
        ))}
      </div>
      {pending === 'resolved' ? (
        <div className="inline-form">
          <label>
            <span>Resolution</span>
            <select
              value={resolutionType}
              onChange={(e) => setResolutionType(e.target.value)}
              data-testid="resolution-type"
            >
              {RESOLUTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Root cause</span>
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
            Resolve
          </button>
        </div>
      ) : null}
      {pending === 'rejected' ? (
        <div className="inline-form">
          <label>
            <span>Reason</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reject-reason" />
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void go('rejected')}
          >
            Reject
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
  useDocumentTitle(complaint ? complaint.reference : 'Complaint');

  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!complaint) return <p className="muted">Loading…</p>;
  return (
    <article className="complaint" data-testid="complaint" data-status={complaint.status}>
      <Link to="/complaints" className="back-link">
        ← Complaints
      </Link>
      <h1 className="page-title">
        {complaint.reference}{' '}
        <span className="badge" data-testid="complaint-status">
          {complaint.status}
        </span>{' '}
        <span className={`badge severity severity--${complaint.severity}`}>{complaint.severity}</span>
        {complaint.overdue ? <span className="badge badge--complaint">Overdue</span> : null}
      </h1>
      <p className="complaint__description">{complaint.description}</p>
      <dl className="facts">
        <div className="facts__item">
          <dt>Received</dt>
          <dd>{formatDateTime(complaint.received_at)}</dd>
        </div>
        <div className="facts__item">
          <dt>Category</dt>
          <dd>{complaint.category ?? '—'}</dd>
        </div>
        <div className="facts__item">
          <dt>Owner</dt>
          <dd>{complaint.owner_name ?? '—'}</dd>
        </div>
        <div className="facts__item">
          <dt>Acknowledge by</dt>
          <dd>{formatDateTime(complaint.acknowledge_due_at)}</dd>
        </div>
        <div className="facts__item">
          <dt>Resolve by</dt>
          <dd>{formatDateTime(complaint.resolve_due_at)}</dd>
        </div>
        {complaint.resolution_type ? (
          <div className="facts__item">
            <dt>Resolution</dt>
            <dd>
              {complaint.resolution_type.replace(/_/g, ' ')}
              {complaint.root_cause ? ` · root cause: ${complaint.root_cause}` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      <LifecycleActions complaint={complaint} onDone={setUpdated} />
      <section className="panel" aria-label="History">
        <h2 className="panel__title">History</h2>
        <ol className="history" data-testid="complaint-history">
          {complaint.history.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> {entry.action}
              {entry.from && entry.to ? ` (${entry.from} → ${entry.to})` : ''}
            </li>
          ))}
        </ol>
      </section>
      {complaint.communications.length > 0 ? (
        <section className="panel" aria-label="Communication">
          <h2 className="panel__title">Communication with the customer</h2>
          <ol>
            {complaint.communications.map((entry) => (
              <li key={entry.id}>
                {formatDateTime(entry.at)} · {entry.direction.replace('_', ' ')} · {entry.channel}:{' '}
                {entry.summary}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
