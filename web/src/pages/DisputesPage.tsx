import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { type ApiError, decideDispute, listOpenDisputes } from '../api/client';
import type { Dispute } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

function DisputeRow({ dispute, onDecided }: { dispute: Dispute; onDecided: () => void }) {
  const { t } = useTranslation('reviews');
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
        <Trans
          t={t}
          i18nKey="disputes.row"
          values={{
            agent: dispute.agent_name ?? t('common:role.agent'),
            review: dispute.review_id,
            conversation: dispute.conversation_external_id,
          }}
          components={{
            agent: <strong translate="no" />,
            link: <Link to={`/reviews/${dispute.review_id}`} />,
            conversation: <span translate="no" />,
          }}
        />
        {' · '}
        {formatDateTime(dispute.opened_at)}
      </p>
      <p className="dispute-reason" translate="no">
        {dispute.reason}
      </p>
      <div className="inline-form">
        <label>
          <span>{t('disputes.answer')}</span>
          <input
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid="decision-comment"
          />
        </label>
        <button type="button" className="button" onClick={() => void reject()} data-testid="reject-dispute">
          {t('disputes.keepScore')}
        </button>
        <Link to={`/reviews/${dispute.review_id}`} className="button">
          {t('disputes.openReview')}
        </Link>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </li>
  );
}

/** The managers' disputes inbox, oldest first. */
export function DisputesPage() {
  const { t } = useTranslation('reviews');
  useDocumentTitle(t('disputes.title'));
  const disputes = useApiData('disputes', (signal) => listOpenDisputes(signal));
  return (
    <div data-testid="disputes-page">
      <h1 className="page-title">{t('disputes.title')}</h1>
      {disputes.error ? <ErrorNotice error={disputes.error} onRetry={disputes.reload} /> : null}
      {disputes.data && disputes.data.length === 0 ? (
        <p className="muted" data-testid="no-disputes">
          {t('disputes.empty')}
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
