import { type FormEvent, useState } from 'react';
import { ApiError, login } from '../api/client';
import { useSession } from '../lib/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';

function messageFor(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Wrong e-mail or password';
    if (error.status === 429) return 'Too many attempts, wait a minute';
    if (error.status === 400) return 'Enter your e-mail and password';
    return error.message;
  }
  return 'Signing in failed; try again';
}

/** Sign-in with e-mail and password. After success the app opens the page from `next`. */
export function LoginPage() {
  useDocumentTitle('Sign in');
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
      setError(messageFor(caught));
      setSubmitting(false);
    }
  };

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={handleSubmit} data-testid="login-form">
        <h1 className="login-card__title">Kvalita</h1>
        <p className="login-card__subtitle">Sign in to review customer conversations.</p>
        {error ? (
          <p className="notice notice--error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <label className="field">
          <span className="field__label">E-mail</span>
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
          <span className="field__label">Password</span>
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
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
