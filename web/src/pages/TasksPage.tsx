/** The signed-in user's follow-up tasks, soonest due first, overdue ones marked, each done with one click. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { listTasks, setTaskStatus, type Task } from '../api/pages';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import './pages-extra.css';

function TaskRow({ task, onChanged }: { task: Task; onChanged: () => void }) {
  const { t } = useTranslation('coaching');
  const format = useLocaleFormat();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const change = async (status: 'open' | 'done') => {
    setBusy(true);
    setError(null);
    try {
      await setTaskStatus(task.id, status);
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr
      className={task.overdue ? 'task--overdue' : undefined}
      data-testid="task-row"
      data-overdue={task.overdue}
    >
      <td>
        {task.title}
        {error ? <FieldErrors error={error} /> : null}
      </td>
      <td>{t(`tasks.kind.${task.kind}`, { defaultValue: task.kind })}</td>
      <td className="task__due">
        {task.due_at ? format.dateTime(task.due_at) : '—'}
        {task.overdue ? <span className="overdue-label"> · {t('tasks.overdue')}</span> : null}
      </td>
      <td>
        {task.conversation_id !== null ? (
          <Link to={`/conversations/${task.conversation_id}`}>{t('tasks.conversation')}</Link>
        ) : null}
        {task.review_id !== null ? (
          <>
            {' '}
            <Link to={`/reviews/${task.review_id}`}>{t('tasks.review')}</Link>
          </>
        ) : null}
      </td>
      <td>{t(`tasks.status.${task.status}`)}</td>
      <td>
        {task.status === 'open' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void change('done')}
            data-testid="task-done"
          >
            {t('tasks.markDone')}
          </button>
        ) : task.status === 'done' ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => void change('open')}
          >
            {t('tasks.reopen')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** My tasks. */
export function TasksPage() {
  const { t } = useTranslation('coaching');
  useDocumentTitle(t('tasks.title'));
  const [showAll, setShowAll] = useState(false);
  const tasks = useApiData(`tasks ${showAll}`, (signal) =>
    listTasks(showAll ? {} : { status: 'open' }, signal),
  );
  const overdue = (tasks.data ?? []).filter((task) => task.overdue).length;
  return (
    <div className="stack" data-testid="tasks-page">
      <div className="page-toolbar">
        <h1 className="page-title">{t('tasks.title')}</h1>
        <label className="checkbox-label">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          {t('tasks.showAll')}
        </label>
      </div>
      {overdue > 0 ? (
        <p className="text-danger" data-testid="tasks-overdue-count">
          {t('tasks.overdueCount', { count: overdue })}
        </p>
      ) : null}
      {tasks.error ? (
        <ErrorNotice error={tasks.error} onRetry={tasks.reload} retryLabel={t('retry')} />
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="tasks-table">
          <thead>
            <tr>
              <th scope="col">{t('tasks.task')}</th>
              <th scope="col">{t('tasks.kindHeader')}</th>
              <th scope="col">{t('tasks.due')}</th>
              <th scope="col">{t('tasks.about')}</th>
              <th scope="col">{t('tasks.statusHeader')}</th>
              <th scope="col">
                <span className="sr-only">{t('tasks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.data && tasks.data.length === 0 ? (
              <tr>
                <td colSpan={6} className="data-table__empty">
                  {t('tasks.empty')}
                </td>
              </tr>
            ) : null}
            {(tasks.data ?? []).map((task) => (
              <TaskRow key={task.id} task={task} onChanged={tasks.reload} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
