import { useTranslation } from 'react-i18next';
import type { Feedback } from '../api/types';
import { feedbackTypeLabel, formatDateTime, formatNumber } from '../lib/format';

/** Survey answers about a conversation: kind, score out of the scale, comment. */
export function FeedbackList({ feedback }: { feedback: readonly Feedback[] }) {
  const { t } = useTranslation('conversations');
  if (feedback.length === 0) return <p className="muted">{t('feedback.empty')}</p>;
  return (
    <ul className="feedback-list" data-testid="feedback-list">
      {feedback.map((item, index) => (
        // Feedback has no id of its own; the server's order is stable.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
        <li key={index} className="feedback" data-testid="feedback">
          <div className="feedback__header">
            <span className="badge badge--feedback-type">{feedbackTypeLabel(item.type)}</span>
            <span className="feedback__score">
              {formatNumber(item.score, 1)}
              <span className="muted"> / {formatNumber(item.scale)}</span>
            </span>
            {item.at ? (
              <time className="muted" dateTime={item.at}>
                {formatDateTime(item.at)}
              </time>
            ) : null}
          </div>
          {item.comment ? (
            <p className="feedback__comment" translate="no">
              {item.comment}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
