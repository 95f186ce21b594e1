/**
 * Personal API tokens: create one (its secret is shown once), list one's own with when each was
 * last used, and revoke. Administrators may list and revoke everybody's.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, listTokens, revokeToken } from '../api/admin';
import type { ApiError } from '../api/client';
import { createToken } from '../api/pages';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { useLocaleFormat } from '../components/localeFormat';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { OnceSecret } from './AdminUsersSection';

function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await createToken(name.trim());
      setSecret({ name: created.name, token: created.token });
      setName('');
      onCreated();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <>
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
          <OnceSecret value={secret.token} testId="token-secret" />
          <div className="row-actions">
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
    </>
  );
}

function TokenRow({
  token,
  showOwner,
  onRevoked,
}: {
  token: ApiToken;
  showOwner: boolean;
  onRevoked: () => void;
}) {
  const { t } = useTranslation('admin');
  const format = useLocaleFormat();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    if (!window.confirm(t('tokens.confirmRevoke', { name: token.name }))) return;
    setBusy(true);
    setError(null);
    try {
      await revokeToken(token.id);
      onRevoked();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <tr data-testid="token-row" data-name={token.name} data-revoked={String(token.revoked_at !== null)}>
        <th scope="row">{token.name}</th>
        {showOwner ? <td>{token.owner_email}</td> : null}
        <td>
          <code>{`kv_${token.prefix}_…`}</code>
        </td>
        <td className="nowrap">{format.dateTime(token.created_at)}</td>
        <td className="nowrap">
          {token.last_used_at ? format.dateTime(token.last_used_at) : t('tokens.never')}
        </td>
        <td data-testid="token-status">
          {token.revoked_at ? (
            <span className="badge badge--status-closed">
              {t('tokens.revokedOn', { date: format.dateTime(token.revoked_at) })}
            </span>
          ) : (
            <span className="badge badge--status-resolved">{t('tokens.active')}</span>
          )}
        </td>
        <td>
          {token.revoked_at ? null : (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void revoke()}
              aria-label={t('tokens.revokeNamed', { name: token.name })}
              data-testid="token-revoke"
            >
              {t('tokens.revoke')}
            </button>
          )}
        </td>
      </tr>
      {error ? (
        <tr>
          <td colSpan={showOwner ? 7 : 6}>
            <FieldErrors error={error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The tokens section: create a token, list and revoke them. */
export function AdminTokensSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const isAdmin = me.role === 'admin';
  const [all, setAll] = useState(false);
  const showAll = isAdmin && all;
  const tokens = useApiData(`admin-tokens ${showAll}`, (signal) => listTokens(showAll, signal));
  const rows = tokens.data ?? [];
  return (
    <div className="stack">
      <CreateTokenForm onCreated={tokens.reload} />
      <section className="panel stack" aria-labelledby="tokens-list-title">
        <h2 id="tokens-list-title">{showAll ? t('tokens.listAll') : t('tokens.list')}</h2>
        {isAdmin ? (
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) => setAll(e.target.checked)}
              data-testid="tokens-all"
            />
            {t('tokens.all')}
          </label>
        ) : null}
        {tokens.error ? (
          <ErrorNotice error={tokens.error} onRetry={tokens.reload} retryLabel={t('retry')} />
        ) : null}
        {tokens.data && rows.length === 0 ? <p className="muted">{t('tokens.empty')}</p> : null}
        {rows.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table" data-testid="tokens-table">
              <caption className="sr-only">{showAll ? t('tokens.listAll') : t('tokens.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  {showAll ? <th scope="col">{t('tokens.owner')}</th> : null}
                  <th scope="col">{t('tokens.prefix')}</th>
                  <th scope="col">{t('tokens.created')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">{t('tokens.status')}</th>
                  <th scope="col">{t('tokens.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((token) => (
                  <TokenRow key={token.id} token={token} showOwner={showAll} onRevoked={tokens.reload} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
