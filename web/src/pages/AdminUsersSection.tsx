/**
 * Users in the administration: adding users, and per user the name, role, agent link, whether
 * they may sign in, and a new password shown once. Disabling signs the user out at once.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listUserAccounts,
  resetUserPassword,
  type UserAccount,
  type UserChanges,
  updateUser,
} from '../api/admin';
import type { ApiError } from '../api/client';
import { createUser } from '../api/pages';
import { USER_ROLES, type UserRole } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';

/** A secret shown once, with a button that copies it. */
export function OnceSecret({ value, testId }: { value: string; testId: string }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Without clipboard access the user selects the text by hand.
    }
  };
  return (
    <div className="row-actions">
      <code className="secret" data-testid={testId}>
        {value}
      </code>
      <button type="button" className="button" onClick={() => void copy()}>
        {copied ? t('tokens.copied') : t('tokens.copy')}
      </button>
    </div>
  );
}

function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('admin');
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
      onCreated();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
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
              <OnceSecret value={created.password} testId="user-password" />
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
  );
}

/** The problem the server found with one field of the row, in the interface language where known. */
function fieldProblem(error: ApiError | null, field: string, t: (key: string) => string): string | null {
  const detail = error?.details.find((d) => d.field === `body.${field}`);
  if (!detail) return null;
  if (field === 'name') return t('users.errors.nameRequired');
  if (detail.reason.includes('agent role')) return t('users.errors.agentIdRequired');
  return detail.reason;
}

function UserRow({ user, isMe, onChanged }: { user: UserAccount; isMe: boolean; onChanged: () => void }) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<UserRole>(user.role);
  const [agentId, setAgentId] = useState(user.agent_id ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  // A reload with other stored values (saved here or elsewhere) replaces the drafts.
  const stored = JSON.stringify([user.name, user.role, user.agent_id]);
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    setSeen(stored);
    setName(user.name);
    setRole(user.role);
    setAgentId(user.agent_id ?? '');
  }
  const dirty = name !== user.name || role !== user.role || agentId.trim() !== (user.agent_id ?? '');
  const base = `user-${user.id}`;
  const problems = {
    name: fieldProblem(error, 'name', t),
    role: fieldProblem(error, 'role', t),
    agent_id: fieldProblem(error, 'agent_id', t),
  };
  const fieldError = problems.name ?? problems.role ?? problems.agent_id;

  const send = async (changes: UserChanges) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await updateUser(user.id, changes);
      setSaved(true);
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const changes: UserChanges = {};
    if (name !== user.name) changes.name = name;
    if (role !== user.role) changes.role = role;
    if (agentId.trim() !== (user.agent_id ?? '')) changes.agent_id = agentId.trim() || null;
    void send(changes);
  };
  const toggle = () => {
    const question = user.disabled ? 'users.confirmEnable' : 'users.confirmDisable';
    if (!window.confirm(t(question, { email: user.email }))) return;
    void send({ disabled: !user.disabled });
  };
  const reset = async () => {
    if (!window.confirm(t('users.confirmReset', { email: user.email }))) return;
    setError(null);
    setPassword(null);
    try {
      setPassword((await resetUserPassword(user.id)).password);
    } catch (caught) {
      setError(caught as ApiError);
    }
  };

  return (
    <>
      <tr data-testid="user-row" data-email={user.email} data-disabled={String(user.disabled)}>
        <td>
          <form id={`${base}-form`} onSubmit={save} />
          <input
            className="input input--compact"
            form={`${base}-form`}
            aria-label={t('users.nameOf', { email: user.email })}
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={problems.name ? `${base}-error` : undefined}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="user-row-name"
          />
        </td>
        <td>
          {user.email}
          {isMe ? <span className="muted-small"> {t('users.you')}</span> : null}
        </td>
        <td>
          <select
            className="input input--compact"
            form={`${base}-form`}
            aria-label={t('users.roleOf', { email: user.email })}
            aria-invalid={problems.role ? true : undefined}
            aria-describedby={problems.role ? `${base}-error` : undefined}
            value={role}
            onChange={(e) => setRole(e.target.value as UserRole)}
            data-testid="user-row-role"
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </td>
        <td>
          <input
            className="input input--compact"
            form={`${base}-form`}
            aria-label={t('users.agentIdOf', { email: user.email })}
            aria-invalid={problems.agent_id ? true : undefined}
            aria-describedby={problems.agent_id ? `${base}-error` : undefined}
            value={agentId}
            onChange={(e) => setAgentId(e.target.value)}
            data-testid="user-row-agent"
          />
        </td>
        <td>
          <span
            className={`badge ${user.disabled ? 'badge--status-closed' : 'badge--status-resolved'}`}
            data-testid="user-row-status"
          >
            {user.disabled ? t('users.disabled') : t('users.active')}
          </span>
        </td>
        <td>
          <div className="row-actions">
            <button
              type="submit"
              form={`${base}-form`}
              className="button button--primary"
              disabled={busy || !dirty}
              data-testid="user-row-save"
            >
              {t('users.saveRow')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={toggle}
              data-testid="user-row-toggle"
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void reset()}
              data-testid="user-row-reset"
            >
              {t('users.resetPassword')}
            </button>
            {saved && !dirty ? (
              <span className="muted-small" role="status">
                {t('users.savedRow')}
              </span>
            ) : null}
          </div>
        </td>
      </tr>
      {error || password ? (
        <tr>
          <td colSpan={6}>
            {error ? (
              <div id={`${base}-error`}>
                {error.code === 'last_admin' ? (
                  <p className="notice notice--error" role="alert" data-testid="user-row-error">
                    {t('users.errors.lastAdmin')}
                  </p>
                ) : fieldError ? (
                  <p className="notice notice--error" role="alert" data-testid="user-row-error">
                    {fieldError}
                  </p>
                ) : (
                  <FieldErrors error={error} />
                )}
              </div>
            ) : null}
            {password ? (
              <div className="notice stack stack--tight" role="status" data-testid="user-new-password">
                <p>{t('users.newPassword', { email: user.email })}</p>
                <OnceSecret value={password} testId="user-reset-password" />
                <button type="button" className="button button--quiet" onClick={() => setPassword(null)}>
                  {t('users.dismiss')}
                </button>
              </div>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The users section: add a user, and change, disable or reset the password of each. */
export function AdminUsersSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const users = useApiData('admin-users', (signal) => listUserAccounts(signal));
  return (
    <div className="stack">
      <CreateUserForm onCreated={users.reload} />
      {users.error ? (
        <ErrorNotice error={users.error} onRetry={users.reload} retryLabel={t('retry')} />
      ) : null}
      <p className="muted-small">{t('users.disabledHint')}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="users-table">
          <caption className="sr-only">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.agentId')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((user) => (
              <UserRow key={user.id} user={user} isMe={user.id === me.id} onChanged={users.reload} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
