import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, acknowledgeReview, disputeReview, getReview, listReviews } from '../api/client';
import { DisputeRuling } from '../components/DisputeRuling';
import { ErrorNotice } from '../components/ErrorNotice';
import { ReviewTrends } from '../components/ReviewTrends';
import { formatDateTime, formatNumber, formatPercent } from '../lib/format';
import { Link } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** The reviews the signed-in user may see; for an agent, the reviews of their own work. */
export function MyReviewsPage() {
  const { t } = useTranslation('reviews');
  useDocumentTitle(t('mine.title'));
  const reviews = useApiData('reviews', (signal) => listReviews(signal));
  return (
    <div data-testid="my-reviews">
      <h1 className="page-title">{t('mine.title')}</h1>
      <ReviewTrends />
      {reviews.error ? <ErrorNotice error={reviews.error} onRetry={reviews.reload} /> : null}
      {reviews.data && reviews.data.items.length === 0 ? <p className="muted">{t('mine.empty')}</p> : null}
      {reviews.data && reviews.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('mine.submitted')}</th>
              <th scope="col">{t('mine.conversation')}</th>
              <th scope="col">{t('mine.kind')}</th>
              <th scope="col">{t('mine.score')}</th>
              <th scope="col">{t('mine.acknowledged')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.data.items.map((review) => (
              <tr key={review.id} data-testid="review-row">
                <td>
                  <Link to={`/reviews/${review.id}`}>{formatDateTime(review.submitted_at)}</Link>
                </td>
                <td translate="no">{review.conversation_external_id}</td>
                <td>{t(`kind.${review.kind}`, { defaultValue: review.kind })}</td>
                <td>{formatPercent(review.score)}</td>
                <td>{review.acknowledged_at ? formatDateTime(review.acknowledged_at) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** One review: its ratings per category; the agent acknowledges or disputes it here. */
export function ReviewDetailPage({ reviewId }: { reviewId: number }) {
  const review = useApiData(`review:${reviewId}`, (signal) => getReview(reviewId, signal));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { t } = useTranslation('reviews');
  const me = useCurrentUser();
  useDocumentTitle(t('detail.documentTitle', { id: reviewId }));
  const data = review.data;
  if (review.error) return <ErrorNotice error={review.error} onRetry={review.reload} />;
  if (!data) return <p className="muted">{t('common:loading')}</p>;
  const names = new Map(data.definition.categories.map((c) => [c.key, c.name]));
  const openDispute = data.disputes.find((d) => d.status === 'open');
  const rules = me.role === 'admin' || me.role === 'manager';

  const act = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      setMessage(done);
      review.reload();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };

  return (
    <article data-testid="review-detail">
      <Link to="/my-reviews" className="back-link">
        ← {t('mine.title')}
      </Link>
      <h1 className="page-title">
        {t('detail.heading', { id: data.conversation_id })}{' '}
        <span data-testid="review-detail-score">{formatPercent(data.score)}</span>
      </h1>
      {data.comment ? (
        <p className="review-comment" translate="no">
          {data.comment}
        </p>
      ) : null}
      <table className="table">
        <tbody>
          {data.ratings.map((rating) => (
            <tr key={rating.key}>
              <th scope="row" translate="no">
                {names.get(rating.key) ?? rating.key}
              </th>
              <td>
                {rating.na
                  ? t('workspace.notApplicable')
                  : rating.rating === null
                    ? '—'
                    : formatNumber(rating.rating)}
              </td>
              <td>{formatPercent(rating.score)}</td>
              <td translate="no">{rating.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.disputes.map((dispute) => (
        <p key={dispute.id} className="notice" data-testid="dispute-status">
          {t('detail.dispute', {
            status: t(`disputeStatus.${dispute.status}`, { defaultValue: dispute.status }),
          })}
          {dispute.decision_comment ? (
            <>
              {' — '}
              <span translate="no">{dispute.decision_comment}</span>
            </>
          ) : null}
        </p>
      ))}
      {openDispute && rules ? (
        <DisputeRuling
          key={openDispute.id}
          review={data}
          dispute={openDispute}
          onDecided={() => {
            setMessage(t('ruling.done'));
            review.reload();
          }}
        />
      ) : null}
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        {data.acknowledged_at === null && me.role === 'agent' ? (
          <button
            type="button"
            className="button"
            data-testid="acknowledge"
            onClick={() => void act(() => acknowledgeReview(reviewId), t('detail.acknowledgedMessage'))}
          >
            {t('detail.acknowledge')}
          </button>
        ) : null}
        {openDispute || me.role !== 'agent' ? null : (
          <>
            <label className="inline-form">
              <span>{t('detail.disputeReason')}</span>
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="dispute-reason"
              />
            </label>
            <button
              type="button"
              className="button"
              data-testid="dispute"
              disabled={reason.trim().length < 3}
              onClick={() => void act(() => disputeReview(reviewId, reason), t('detail.disputeSent'))}
            >
              {t('detail.disputeButton')}
            </button>
          </>
        )}
      </div>
    </article>
  );
}
