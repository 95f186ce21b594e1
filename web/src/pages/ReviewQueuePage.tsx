import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { listMyAssignments } from '../api/client';
import { checkName } from '../components/AutoQaPanel';
import { ChannelBadge } from '../components/Badges';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../lib/format';
import { Link, useLocation } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

// "flagged:low_rating,complaint" → "Flagged: low rating, complaint"; "sample:Weekly" → "Sample: Weekly"
// (a sampling rule's name is the user's own text and stays as it is).
function reasonText(reason: string, t: TFunction): string {
  const [kind = reason, detail = ''] = reason.split(/:(.*)/s);
  if (kind === 'sample') return t('queue.reason.sample', { rule: detail });
  if (kind !== 'flagged') return reason;
  const flags = detail
    .split(',')
    .filter(Boolean)
    .map((flag) =>
      flag.startsWith('failed_')
        ? t('conversations:autoqa.flag.failed', { check: checkName(flag.slice(7)) })
        : t(`conversations:autoqa.flag.${flag}`, { defaultValue: flag.replace(/_/g, ' ') }),
    );
  return t('queue.reason.flagged', { flags: flags.join(', ') });
}

/** The signed-in reviewer's queue: open assignments by due date, flagged first. */
export function ReviewQueuePage() {
  const { t } = useTranslation('reviews');
  useDocumentTitle(t('queue.title'));
  const { search } = useLocation();
  const queue = useApiData('assignments', (signal) => listMyAssignments(signal));
  const done = new URLSearchParams(search).get('done') === '1';

  return (
    <div className="review-queue" data-testid="review-queue">
      <h1 className="page-title">{t('queue.title')}</h1>
      {done ? (
        <p className="notice" role="status">
          {t('queue.done')}
        </p>
      ) : null}
      {queue.error ? <ErrorNotice error={queue.error} onRetry={queue.reload} /> : null}
      {queue.data && queue.data.length === 0 && !done ? <p className="muted">{t('queue.empty')}</p> : null}
      {queue.data && queue.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('queue.due')}</th>
              <th scope="col">{t('queue.why')}</th>
              <th scope="col">{t('queue.conversation')}</th>
              <th scope="col">{t('queue.agent')}</th>
              <th scope="col">{t('queue.scorecard')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((item) => (
              <tr
                key={item.id}
                data-testid="assignment-row"
                className={item.overdue ? 'row--overdue' : undefined}
              >
                <td>
                  <time dateTime={item.due_at}>{formatDateTime(item.due_at)}</time>
                  {item.overdue ? <span className="badge badge--complaint">{t('queue.overdue')}</span> : null}
                </td>
                <td>{reasonText(item.reason, t)}</td>
                <td>
                  <ChannelBadge channel={item.channel} />{' '}
                  <Link to={`/conversations/${item.conversation_id}/review`} translate="no">
                    {item.external_id}
                  </Link>
                </td>
                <td translate="no">{item.agent_name ?? '—'}</td>
                <td translate="no">{item.scorecard_name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
