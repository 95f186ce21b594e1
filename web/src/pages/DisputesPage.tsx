import { useState } from 'react';
import { type ApiError, decideDispute, listOpenDisputes } from '../api/client';
import type { Dispute } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

function DisputeRow({ dispute, onDecided }: { dispute: Dispute; onDecided: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const reject = async () => {
    setError(null);
    try {
      await decideDispute(dispute.id, { decision: 'rejected', comment: comment || undefined });
      onDecided();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <li className="panel" data-testid="dispute-row">
      <p>
        <strong>{dispute.agent_name ?? 'Agent'}</strong> disputes{' '}
        <Link to={`/reviews/${dispute.review_id}`}>review {dispute.review_id}</Link> of{' '}
        {dispute.conversation_external_id}
        {' · '}
        {formatDateTime(dispute.opened_at)}
      </p>
      <p className="dispute-reason">{dispute.reason}</p>
      <div className="inline-form">
        <label>
          <span>Answer</span>
          <input
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid="decision-comment"
          />
        </label>
        <button type="button" className="button" onClick={() => void reject()} data-testid="reject-dispute">
          Keep the score
        </button>
        <Link to={`/reviews/${dispute.review_id}`} className="button">
          Open the review to change ratings
        </Link>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </li>
  );
}

/** The managers' disputes inbox, oldest first. */
export function DisputesPage() {
  useDocumentTitle('Disputes');
  const disputes = useApiData('disputes', (signal) => listOpenDisputes(signal));
  return (
    <div data-testid="disputes-page">
      <h1 className="page-title">Disputes</h1>
      {disputes.error ? <ErrorNotice error={disputes.error} onRetry={disputes.reload} /> : null}
      {disputes.data && disputes.data.length === 0 ? (
        <p className="muted" data-testid="no-disputes">
          No open disputes.
        </p>
      ) : null}
      <ol className="plain-list">
        {(disputes.data ?? []).map((dispute) => (
          <DisputeRow key={dispute.id} dispute={dispute} onDecided={disputes.reload} />
        ))}
      </ol>
    </div>
  );
}
