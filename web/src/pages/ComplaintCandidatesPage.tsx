/**
 * Conversations AutoQA detected as complaints, waiting for a handler: accept one (it becomes a
 * register entry, or joins the customer's open complaint) or dismiss it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { CANDIDATE_STATUSES, type Candidate, decideCandidate, listCandidates } from '../api/complaints';
import { ComplaintTabs } from '../components/ComplaintTabs';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { Link, navigate, useLocation } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import './complaints-extra.css';

/** What the last decision did, for the message above the table. */
interface Decided {
  candidate: Candidate;
  decision: 'accept' | 'dismiss';
  complaintId: number | null;
}

/** The candidates page. */
export function ComplaintCandidatesPage() {
  const { t } = useTranslation('complaints');
  useDocumentTitle(t('candidates.title'));
  const format = useLocaleFormat();
  const { search } = useLocation();
  const asked = new URLSearchParams(search).get('status') ?? '';
  const status = (CANDIDATE_STATUSES as readonly string[]).includes(asked) ? asked : 'pending';
  const candidates = useApiData(`candidates ${status}`, (signal) => listCandidates(status, signal));
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [decided, setDecided] = useState<Decided | null>(null);

  const decide = async (candidate: Candidate, decision: 'accept' | 'dismiss') => {
    setBusy(candidate.conversation_id);
    setError(null);
    try {
      const answer = await decideCandidate(candidate.conversation_id, decision);
      setDecided({ candidate, decision, complaintId: answer.complaint_id });
      candidates.reload();
    } catch (caught) {
      setError(caught as ApiError);
      // A 409 means someone decided first; the reload shows how.
      candidates.reload();
    } finally {
      setBusy(null);
    }
  };

  const rows = candidates.data ?? [];
  return (
    <div className="complaints-area" data-testid="complaint-candidates-page">
      <ComplaintTabs />
      <div className="complaints-toolbar">
        <h1 className="page-title">{t('candidates.title')}</h1>
        <label className="field">
          <span className="field__label">{t('candidates.show')}</span>
          <select
            className="input"
            value={status}
            onChange={(event) =>
              navigate(`/complaints/candidates?status=${encodeURIComponent(event.target.value)}`, {
                replace: true,
              })
            }
            data-testid="candidates-status"
          >
            {CANDIDATE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`candidates.status.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{t('candidates.intro')}</p>
      {decided ? (
        <p className="complaints-note" role="status" data-testid="candidate-decided">
          {decided.decision === 'accept' ? t('candidates.accepted') : t('candidates.dismissed')}{' '}
          {decided.complaintId !== null ? (
            <Link to={`/complaints/${decided.complaintId}`} data-testid="candidate-complaint-link">
              {t('candidates.open')}
            </Link>
          ) : null}
        </p>
      ) : null}
      {error ? <FieldErrors error={error} /> : null}
      {candidates.error ? <ErrorNotice error={candidates.error} onRetry={candidates.reload} /> : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="candidates-table" aria-busy={candidates.loading}>
          <caption className="sr-only">{t('candidates.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('candidates.detected')}</th>
              <th scope="col">{t('candidates.conversation')}</th>
              <th scope="col">{t('col.channel')}</th>
              <th scope="col" className="numeric">
                {t('candidates.confidence')}
              </th>
              <th scope="col">{t('candidates.keywords')}</th>
              <th scope="col">
                {status === 'pending' ? t('candidates.decision') : t('candidates.complaint')}
              </th>
            </tr>
          </thead>
          <tbody>
            {candidates.data && rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="data-table__empty" data-testid="candidates-empty">
                  {t('candidates.empty')}
                </td>
              </tr>
            ) : null}
            {rows.map((candidate) => (
              <tr
                key={candidate.conversation_id}
                data-testid="candidate-row"
                data-conversation-id={candidate.conversation_id}
              >
                <td className="nowrap">
                  <time dateTime={candidate.created_at}>{format.dateTime(candidate.created_at)}</time>
                </td>
                <th scope="row">
                  <Link to={`/conversations/${candidate.conversation_id}`} translate="no">
                    {candidate.subject || candidate.external_id}
                  </Link>
                  {candidate.subject ? (
                    <span className="muted-note" translate="no">
                      {candidate.external_id}
                    </span>
                  ) : null}
                </th>
                <td>{t(`common:channel.${candidate.channel}`, { defaultValue: candidate.channel })}</td>
                <td className="numeric">{format.percent(candidate.confidence * 100)}</td>
                <td translate="no">{candidate.topics.join(', ') || '—'}</td>
                <td>
                  {candidate.status === 'pending' ? (
                    <span className="row-buttons">
                      <button
                        type="button"
                        className="button button--primary"
                        disabled={busy !== null}
                        onClick={() => void decide(candidate, 'accept')}
                        aria-label={t('candidates.acceptLabel', {
                          conversation: candidate.subject || candidate.external_id,
                        })}
                        data-testid="candidate-accept"
                      >
                        {t('candidates.accept')}
                      </button>
                      <button
                        type="button"
                        className="button"
                        disabled={busy !== null}
                        onClick={() => void decide(candidate, 'dismiss')}
                        aria-label={t('candidates.dismissLabel', {
                          conversation: candidate.subject || candidate.external_id,
                        })}
                        data-testid="candidate-dismiss"
                      >
                        {t('candidates.dismiss')}
                      </button>
                    </span>
                  ) : candidate.complaint_id !== null ? (
                    <Link to={`/complaints/${candidate.complaint_id}`} data-testid="candidate-open">
                      {t('candidates.open')}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
