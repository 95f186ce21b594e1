import { useState } from 'react';
import { type ApiError, acknowledgeReview, disputeReview, getReview, listReviews } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} %`);

/** The reviews the signed-in user may see; for an agent, the reviews of their own work. */
export function MyReviewsPage() {
  useDocumentTitle('Reviews');
  const reviews = useApiData('reviews', (signal) => listReviews(signal));
  return (
    <div data-testid="my-reviews">
      <h1 className="page-title">Reviews</h1>
      {reviews.error ? <ErrorNotice error={reviews.error} onRetry={reviews.reload} /> : null}
      {reviews.data && reviews.data.items.length === 0 ? <p className="muted">No reviews yet.</p> : null}
      {reviews.data && reviews.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Submitted</th>
              <th scope="col">Conversation</th>
              <th scope="col">Kind</th>
              <th scope="col">Score</th>
              <th scope="col">Acknowledged</th>
            </tr>
          </thead>
          <tbody>
            {reviews.data.items.map((review) => (
              <tr key={review.id} data-testid="review-row">
                <td>
                  <Link to={`/reviews/${review.id}`}>{formatDateTime(review.submitted_at)}</Link>
                </td>
                <td>{review.conversation_external_id}</td>
                <td>{review.kind}</td>
                <td>{percent(review.score)}</td>
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
  useDocumentTitle(`Review ${reviewId}`);
  const data = review.data;
  if (review.error) return <ErrorNotice error={review.error} onRetry={review.reload} />;
  if (!data) return <p className="muted">Loading…</p>;
  const names = new Map(data.definition.categories.map((c) => [c.key, c.name]));
  const openDispute = data.disputes.find((d) => d.status === 'open');

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
        ← Reviews
      </Link>
      <h1 className="page-title">
        Review of conversation {data.conversation_id}:{' '}
        <span data-testid="review-detail-score">{percent(data.score)}</span>
      </h1>
      {data.comment ? <p className="review-comment">{data.comment}</p> : null}
      <table className="table">
        <tbody>
          {data.ratings.map((rating) => (
            <tr key={rating.key}>
              <th scope="row">{names.get(rating.key) ?? rating.key}</th>
              <td>{rating.na ? 'N/A' : rating.rating}</td>
              <td>{percent(rating.score)}</td>
              <td>{rating.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.disputes.map((dispute) => (
        <p key={dispute.id} className="notice" data-testid="dispute-status">
          Dispute: {dispute.status}
          {dispute.decision_comment ? ` — ${dispute.decision_comment}` : ''}
        </p>
      ))}
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        {data.acknowledged_at === null ? (
          <button
            type="button"
            className="button"
            data-testid="acknowledge"
            onClick={() => void act(() => acknowledgeReview(reviewId), 'Acknowledged.')}
          >
            Acknowledge
          </button>
        ) : null}
        {openDispute ? null : (
          <>
            <label className="inline-form">
              <span>Why do you disagree?</span>
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
              onClick={() => void act(() => disputeReview(reviewId, reason), 'Dispute sent to your manager.')}
            >
              Dispute
            </button>
          </>
        )}
      </div>
    </article>
  );
}
