/**
 * Administration: users and roles, teams, personal API tokens, AutoQA settings, the scorecard
 * editor, goals and the import of conversations. Each section shows to the roles its API allows.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { type IngestResult, ingestJsonLines } from '../api/pages';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { Link, Redirect } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { AdminAutoQaPage } from './AdminAutoQaPage';
import { AdminGoalsSection } from './AdminGoalsSection';
import { AdminScorecardPage } from './AdminScorecardPage';
import { AdminTeamsSection } from './AdminTeamsSection';
import { AdminTokensSection } from './AdminTokensSection';
import { AdminUsersSection } from './AdminUsersSection';
import './pages-extra.css';

/** The sections of the administration and the roles each is for. */
const SECTIONS: ReadonlyArray<{ id: string; roles: readonly string[] }> = [
  { id: 'users', roles: ['admin'] },
  { id: 'teams', roles: ['admin', 'manager'] },
  { id: 'tokens', roles: ['admin', 'manager', 'lead', 'reviewer', 'agent', 'viewer'] },
  { id: 'autoqa', roles: ['admin', 'manager'] },
  { id: 'scorecards', roles: ['admin', 'manager'] },
  { id: 'goals', roles: ['admin', 'manager'] },
  { id: 'import', roles: ['admin', 'manager'] },
];

/** Lines sent per request: well under the API's 5,000 items and its body limit. */
const IMPORT_BATCH_LINES = 1000;

/** JSON Lines of a file's text: JSON Lines as they are; a JSON array one item per line. */
export function jsonLinesOf(text: string): { lines: string[]; itemsAreArray: boolean } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    try {
      const items = JSON.parse(trimmed) as unknown;
      if (Array.isArray(items))
        return { lines: items.map((item) => JSON.stringify(item)), itemsAreArray: true };
    } catch {
      // Not one JSON array after all: read it line by line, where each bad line gets its reason.
    }
  }
  return { lines: text.split(/\r?\n/), itemsAreArray: false };
}

function ImportSection() {
  const { t } = useTranslation('admin');
  const format = useLocaleFormat();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<(IngestResult & { itemsAreArray: boolean }) | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setProblem('');
    setResult(null);
    if (/\.csv$/i.test(file.name)) {
      setProblem(t('import.csvUnsupported'));
      return;
    }
    const { lines, itemsAreArray } = jsonLinesOf(await file.text());
    const total: IngestResult = { read: 0, imported: 0, updated: 0, rejected: 0, items: [] };
    try {
      for (let start = 0; start < lines.length; start += IMPORT_BATCH_LINES) {
        setProgress({ done: start, total: lines.length });
        const batch = lines.slice(start, start + IMPORT_BATCH_LINES);
        if (batch.every((line) => line.trim() === '')) continue;
        const answer = await ingestJsonLines(batch.join('\n'));
        total.read += answer.read;
        total.imported += answer.imported;
        total.updated += answer.updated;
        total.rejected += answer.rejected;
        for (const item of answer.items) {
          // Line numbers of a batch count from its first line; the file's count from the file's.
          if (item.status === 'rejected') {
            total.items.push({ ...item, line: item.line === undefined ? undefined : item.line + start });
          }
        }
      }
      setResult({ ...total, itemsAreArray });
    } catch (caught) {
      setError(caught as ApiError);
      if (total.read > 0) setResult({ ...total, itemsAreArray });
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="stack">
      <form className="panel stack" onSubmit={(e) => void submit(e)} data-testid="import-form">
        <h2>{t('import.title')}</h2>
        <p className="muted-small">{t('import.hint')}</p>
        <label className="field">
          <span className="field__label">{t('import.file')}</span>
          <input
            type="file"
            className="input"
            accept=".jsonl,.ndjson,.json,application/x-ndjson,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
        </label>
        {problem ? (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        ) : null}
        {error ? <FieldErrors error={error} /> : null}
        <div className="row-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={!file || progress !== null}
            data-testid="import-submit"
          >
            {t('import.submit')}
          </button>
          {progress ? (
            <span className="muted-small" role="status">
              {t('import.progress', {
                done: format.number(progress.done, 0),
                total: format.number(progress.total, 0),
              })}
            </span>
          ) : null}
        </div>
      </form>
      {result ? (
        <section
          className="panel stack stack--tight"
          aria-labelledby="import-result"
          data-testid="import-result"
        >
          <h2 id="import-result">{t('import.result')}</h2>
          <dl className="facts">
            {(['read', 'imported', 'updated', 'rejected'] as const).map((key) => (
              <div key={key} className="facts__item">
                <dt>{t(`import.${key}`)}</dt>
                <dd data-testid={`import-${key}`}>{format.number(result[key], 0)}</dd>
              </div>
            ))}
          </dl>
          {result.items.length > 0 ? (
            <div className="table-scroll">
              <table className="data-table" data-testid="import-rejected">
                <caption>{t('import.rejectedCaption', { count: result.items.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="numeric">
                      {result.itemsAreArray ? t('import.item') : t('import.line')}
                    </th>
                    <th scope="col">{t('import.id')}</th>
                    <th scope="col">{t('import.reasons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((item) => (
                    <tr key={`${item.line ?? ''}-${item.index}`} data-testid="import-rejected-row">
                      <td className="numeric" data-testid="import-rejected-line">
                        {item.line ?? item.index + 1}
                      </td>
                      <td>{item.id ?? '—'}</td>
                      <td>
                        <ul className="plain-list">
                          {(item.errors ?? []).map((e) => (
                            <li key={`${e.field}: ${e.reason}`}>
                              {e.field ? <code>{e.field}</code> : null}
                              {e.field ? ': ' : ''}
                              {e.reason}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** The administration at `/admin/<section>`. */
export function AdminPage({ section }: { section: string | undefined }) {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const allowed = SECTIONS.filter((s) => s.roles.includes(me.role));
  useDocumentTitle(section ? t(`section.${section}`, { defaultValue: t('title') }) : t('title'));
  const first = allowed[0];
  if (!section) return first ? <Redirect to={`/admin/${first.id}`} /> : null;
  const current = allowed.find((s) => s.id === section);
  let body: ReactNode;
  switch (current?.id) {
    case 'users':
      body = <AdminUsersSection />;
      break;
    case 'teams':
      body = <AdminTeamsSection />;
      break;
    case 'tokens':
      body = <AdminTokensSection />;
      break;
    case 'autoqa':
      body = <AdminAutoQaPage />;
      break;
    case 'scorecards':
      body = <AdminScorecardPage />;
      break;
    case 'goals':
      body = <AdminGoalsSection />;
      break;
    case 'import':
      body = <ImportSection />;
      break;
    default:
      body = (
        <p className="notice notice--error" role="alert">
          {t('notAllowed')}
        </p>
      );
  }
  return (
    <div className="stack" data-testid="admin-page">
      <h1 className="page-title">{t('title')}</h1>
      <nav aria-label={t('title')}>
        <ul className="tabs">
          {allowed.map((s) => (
            <li key={s.id}>
              <Link
                to={`/admin/${s.id}`}
                aria-current={s.id === section ? 'page' : undefined}
                data-testid={`admin-tab-${s.id}`}
              >
                {t(`section.${s.id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {body}
    </div>
  );
}
