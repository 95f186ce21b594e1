import { listMyAssignments } from '../api/client';
import { ChannelBadge } from '../components/Badges';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../lib/format';
import { Link, useLocation } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

// "flagged:low_rating,complaint" → "Flagged: low rating, complaint"; "sample:Weekly" → "Sample: Weekly".
function reasonText(reason: string): string {
  const [kind, detail = ''] = reason.split(/:(.*)/s);
  const label = kind === 'flagged' ? 'Flagged' : kind === 'sample' ? 'Sample' : (kind ?? reason);
  return `${label}: ${detail
    .split(',')
    .map((part) => part.replace(/_/g, ' '))
    .join(', ')}`;
}

/** The signed-in reviewer's queue: open assignments by due date, flagged first. */
export function ReviewQueuePage() {
  useDocumentTitle('Review queue');
  const { search } = useLocation();
  const queue = useApiData('assignments', (signal) => listMyAssignments(signal));
  const done = new URLSearchParams(search).get('done') === '1';

  return (
    <div className="review-queue" data-testid="review-queue">
      <h1 className="page-title">Review queue</h1>
      {done ? (
        <p className="notice" role="status">
          Review saved. Your queue is empty.
        </p>
      ) : null}
      {queue.error ? <ErrorNotice error={queue.error} onRetry={queue.reload} /> : null}
      {queue.data && queue.data.length === 0 && !done ? (
        <p className="muted">Nothing waiting for you.</p>
      ) : null}
      {queue.data && queue.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">Why</th>
              <th scope="col">Conversation</th>
              <th scope="col">Agent</th>
              <th scope="col">Scorecard</th>
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
                  {item.overdue ? <span className="badge badge--complaint">Overdue</span> : null}
                </td>
                <td>{reasonText(item.reason)}</td>
                <td>
                  <ChannelBadge channel={item.channel} />{' '}
                  <Link to={`/conversations/${item.conversation_id}/review`}>{item.external_id}</Link>
                </td>
                <td>{item.agent_name ?? '—'}</td>
                <td>{item.scorecard_name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
