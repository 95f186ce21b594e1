/**
 * A manager rules on an agent's dispute beside the review: keep the score, or accept (fully or
 * partly) with changed ratings, seeing the new score before sending it.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CategoryRating, SCALE_RANGE, scoreReview } from '../../../src/domain/scorecard';
import { type ApiError, decideDispute } from '../api/client';
import type { RatingBody, ReviewDetail } from '../api/types';
import { formatPercent } from '../lib/format';
import { FieldErrors } from './FieldErrors';

type Decision = 'accepted' | 'partially_accepted' | 'rejected';

interface Entry {
  rating: number | null;
  na: boolean;
}

/** The ruling form of one open dispute of `review`. */
export function DisputeRuling({
  review,
  dispute,
  onDecided,
}: {
  review: ReviewDetail;
  dispute: ReviewDetail['disputes'][number];
  onDecided: () => void;
}) {
  const { t } = useTranslation('reviews');
  const idPrefix = useId();
  const original = new Map(review.ratings.map((r) => [r.key, { rating: r.rating, na: r.na }]));
  const [entries, setEntries] = useState<Map<string, Entry>>(() => new Map(original));
  const [decision, setDecision] = useState<Decision>('accepted');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const disputed = new Set(dispute.categories);
  // Disputed categories first: they are what the agent asks to change.
  const categories = review.definition.categories
    .filter((c) => original.has(c.key))
    .sort((a, b) => Number(disputed.has(b.key)) - Number(disputed.has(a.key)));
  const changes: RatingBody[] = [...entries]
    .filter(([key, entry]) => {
      const before = original.get(key);
      return before && (before.rating !== entry.rating || before.na !== entry.na);
    })
    .map(([key, entry]) => ({ key, rating: entry.na ? null : entry.rating, na: entry.na }));
  const ratings: CategoryRating[] = [...entries].map(([key, entry]) => ({
    key,
    rating: entry.na ? null : entry.rating,
    na: entry.na,
  }));
  const newScore = scoreReview(review.definition, ratings, new Set(original.keys())).score;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await decideDispute(dispute.id, {
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(decision === 'rejected' ? {} : { ratings: changes }),
      });
      onDecided();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel stack" aria-labelledby={`${idPrefix}-title`} data-testid="dispute-ruling">
      <h2 id={`${idPrefix}-title`}>{t('ruling.title')}</h2>
      <p className="dispute-reason" translate="no">
        {dispute.reason}
      </p>
      <fieldset className="stack">
        <legend>{t('ruling.decision')}</legend>
        {(['accepted', 'partially_accepted', 'rejected'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={`${idPrefix}-decision`}
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
              data-testid={`ruling-${value}`}
            />
            {t(`ruling.${value}`)}
          </label>
        ))}
      </fieldset>
      {decision === 'rejected' ? null : (
        <table className="table">
          <caption className="sr-only">{t('ruling.ratings')}</caption>
          <tbody>
            {categories.map((category) => {
              const entry = entries.get(category.key) ?? { rating: null, na: false };
              const { min, max } = SCALE_RANGE[category.scale];
              const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
              const selectId = `${idPrefix}-${category.key}`;
              return (
                <tr key={category.key} className={disputed.has(category.key) ? 'row--highlight' : undefined}>
                  <th scope="row">
                    <label htmlFor={selectId} translate="no">
                      {category.name}
                    </label>
                    {disputed.has(category.key) ? (
                      <span className="badge">{t('ruling.disputed')}</span>
                    ) : null}
                  </th>
                  <td>
                    <select
                      id={selectId}
                      className="input"
                      value={entry.na ? 'na' : entry.rating === null ? '' : String(entry.rating)}
                      onChange={(event) => {
                        const value = event.target.value;
                        const next = new Map(entries);
                        next.set(
                          category.key,
                          value === 'na' ? { rating: null, na: true } : { rating: Number(value), na: false },
                        );
                        setEntries(next);
                      }}
                      data-testid={`ruling-rating-${category.key}`}
                    >
                      {entry.rating === null && !entry.na ? <option value="">—</option> : null}
                      {points.map((point) => (
                        <option key={point} value={String(point)}>
                          {category.scale === 'binary'
                            ? t(point === 1 ? 'ruling.pass' : 'ruling.fail')
                            : String(point)}
                        </option>
                      ))}
                      {category.allowNa ? <option value="na">{t('workspace.notApplicable')}</option> : null}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <label className="field">
        <span className="field__label">{t('disputes.answer')}</span>
        <textarea
          className="input"
          rows={2}
          maxLength={5000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          data-testid="ruling-comment"
        />
      </label>
      {decision === 'rejected' ? null : (
        <p data-testid="ruling-score">
          {t('ruling.newScore', {
            before: formatPercent(review.score),
            after: formatPercent(newScore),
            count: changes.length,
          })}
        </p>
      )}
      {error ? <FieldErrors error={error} /> : null}
      <div>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || (decision !== 'rejected' && changes.length === 0)}
          onClick={() => void submit()}
          data-testid="ruling-submit"
        >
          {t('ruling.submit')}
        </button>
      </div>
    </section>
  );
}
