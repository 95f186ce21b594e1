import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, login } from '../api/client';
import { apiErrorMessage } from '../components/ErrorNotice';
import { LanguagePicker } from '../components/LanguagePicker';
import { useSession } from '../lib/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';

function messageFor(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('login.wrongPassword');
    if (error.status === 429) return t('login.tooManyAttempts');
    if (error.status === 400) return t('login.missingFields');
    return apiErrorMessage(error, t);
  }
  return t('login.failed');
}

/** Sign-in with e-mail and password. After success the app opens the page from `next`. */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const response = await login(email.trim(), password);
      // The app leaves the sign-in page as soon as the session is known (see App).
      signIn(response);
    } catch (caught) {
      setError(messageFor(caught, t));
      setSubmitting(false);
    }
  };

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={handleSubmit} data-testid="login-form">
        <LanguagePicker className="login-card__language" />
        <h1 className="login-card__title" translate="no">
          Kvalita
        </h1>
        <p className="login-card__subtitle">{t('login.subtitle')}</p>
        {error ? (
          <p className="notice notice--error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <label className="field">
          <span className="field__label">{t('login.email')}</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="login-email"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('login.password')}</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="login-password"
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={submitting}
          data-testid="login-submit"
        >
          {submitting ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
