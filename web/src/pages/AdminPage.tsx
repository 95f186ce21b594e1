/**
 * Administration: users and roles, teams, personal API tokens, AutoQA settings, the scorecard
 * editor and the import of conversations. Each section shows to the roles its API allows.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, getMetrics } from '../api/client';
import { createToken, createUser, type IngestResult, ingestJsonLines, listUsers } from '../api/pages';
import { USER_ROLES, type UserRole } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { Link, Redirect } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { AdminAutoQaPage } from './AdminAutoQaPage';
import { AdminScorecardPage } from './AdminScorecardPage';
import './pages-extra.css';

/** The sections of the administration and the roles each is for. */
const SECTIONS: ReadonlyArray<{ id: string; roles: readonly string[] }> = [
  { id: 'users', roles: ['admin'] },
  { id: 'teams', roles: ['admin', 'manager'] },
  { id: 'tokens', roles: ['admin', 'manager', 'lead', 'reviewer', 'agent', 'viewer'] },
  { id: 'autoqa', roles: ['admin', 'manager'] },
  { id: 'scorecards', roles: ['admin', 'manager'] },
  { id: 'import', roles: ['admin', 'manager'] },
];

/** Lines sent per request: well under the API's 5,000 items and its body limit. */
const IMPORT_BATCH_LINES = 1000;

function UsersSection() {
  const { t } = useTranslation('admin');
  const users = useApiData('admin-users', (signal) => listUsers(signal));
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('reviewer');
  const [password, setPassword] = useState('');
  const [agentId, setAgentId] = useState('');
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const answer = await createUser({
        email: email.trim(),
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(password ? { password } : {}),
        ...(agentId.trim() ? { agent_id: agentId.trim() } : {}),
      });
      setCreated({ email: answer.user.email, password: answer.password });
      setEmail('');
      setName('');
      setPassword('');
      setAgentId('');
      users.reload();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <form className="panel stack" onSubmit={(e) => void submit(e)} data-testid="user-form">
        <h2>{t('users.create')}</h2>
        <div className="form-grid">
          <label className="field">
            <span className="field__label">{t('users.email')}</span>
            <input
              className="input"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="user-email"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('users.name')}</span>
            <input
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="user-name"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('users.role')}</span>
            <select
              className="input"
              value={role}
              onChange={(e) => setRole(e.target.value as UserRole)}
              data-testid="user-role"
            >
              {USER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('users.password')}</span>
            <input
              className="input"
              type="password"
              minLength={10}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {role === 'agent' ? (
            <label className="field">
              <span className="field__label">{t('users.agentId')}</span>
              <input className="input" value={agentId} onChange={(e) => setAgentId(e.target.value)} />
            </label>
          ) : null}
        </div>
        <p className="muted-small">{t('users.passwordHint')}</p>
        {error ? <FieldErrors error={error} /> : null}
        {created ? (
          <div className="notice" role="status" data-testid="user-created">
            <p>{t('users.created', { email: created.email })}</p>
            {created.password ? (
              <>
                <p>{t('users.generatedPassword')}</p>
                <code className="secret" data-testid="user-password">
                  {created.password}
                </code>
              </>
            ) : null}
          </div>
        ) : null}
        <div className="row-actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="user-create">
            {t('users.submit')}
          </button>
        </div>
      </form>
      {users.error ? (
        <ErrorNotice error={users.error} onRetry={users.reload} retryLabel={t('retry')} />
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="users-table">
          <caption className="sr-only">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.agentId')}</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((user) => (
              <tr key={user.id} data-testid="user-row">
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{t(`role.${user.role}`)}</td>
                <td>{user.agent_id ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TeamsSection() {
  const { t } = useTranslation('admin');
  const format = useLocaleFormat();
  const teams = useApiData('admin-teams', (signal) =>
    getMetrics({ metrics: 'resolution_rate,iqs', by: 'team' }, signal),
  );
  return (
    <div className="stack">
      <p className="muted">{t('teams.hint')}</p>
      {teams.error ? (
        <ErrorNotice error={teams.error} onRetry={teams.reload} retryLabel={t('retry')} />
      ) : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="teams-table">
          <caption className="sr-only">{t('teams.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teams.team')}</th>
              <th scope="col" className="numeric">
                {t('teams.conversations')}
              </th>
              <th scope="col" className="numeric">
                {t('teams.iqs')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(teams.data ?? []).map((row) => {
              const team = typeof row.team === 'string' ? row.team : '';
              return (
                <tr key={team} data-testid="team-row">
                  <th scope="row">{team || t('teams.none')}</th>
                  <td className="numeric">
                    {team ? (
                      <Link to={`/conversations?team=${encodeURIComponent(team)}`}>
                        {format.number(Number(row.resolution_rate_n ?? 0), 0)}
                      </Link>
                    ) : (
                      format.number(Number(row.resolution_rate_n ?? 0), 0)
                    )}
                  </td>
                  <td className="numeric">{typeof row.iqs === 'number' ? format.percent(row.iqs) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TokensSection() {
  const { t } = useTranslation('admin');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCopied(false);
    try {
      const created = await createToken(name.trim());
      setSecret({ name: created.name, token: created.token });
      setName('');
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.token);
      setCopied(true);
    } catch {
      // Without clipboard access the user selects the text by hand.
    }
  };
  return (
    <div className="stack">
      <form className="panel stack" onSubmit={(e) => void submit(e)} data-testid="token-form">
        <h2>{t('tokens.create')}</h2>
        <p className="muted-small">{t('tokens.hint')}</p>
        <label className="field">
          <span className="field__label">{t('tokens.name')}</span>
          <input
            className="input"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="token-name"
          />
        </label>
        {error ? <FieldErrors error={error} /> : null}
        <div className="row-actions">
          <button type="submit" className="button button--primary" data-testid="token-create">
            {t('tokens.submit')}
          </button>
        </div>
      </form>
      {secret ? (
        <div className="panel stack stack--tight" role="status" data-testid="token-created">
          <p>
            <strong>{t('tokens.onceTitle', { name: secret.name })}</strong>
          </p>
          <p>{t('tokens.once')}</p>
          <code className="secret" data-testid="token-secret">
            {secret.token}
          </code>
          <div className="row-actions">
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? t('tokens.copied') : t('tokens.copy')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setSecret(null)}
              data-testid="token-dismiss"
            >
              {t('tokens.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

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
      body = <UsersSection />;
      break;
    case 'teams':
      body = <TeamsSection />;
      break;
    case 'tokens':
      body = <TokensSection />;
      break;
    case 'autoqa':
      body = <AdminAutoQaPage />;
      break;
    case 'scorecards':
      body = <AdminScorecardPage />;
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
