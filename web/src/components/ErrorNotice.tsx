import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** What went wrong, in the interface language, from the error's status and code. */
export function apiErrorMessage(error: ApiError, t: TFunction): string {
  if (error.code === 'network' || (error.status >= 502 && error.status <= 504))
    return t('common:error.network');
  if (error.code === 'bad_response') return t('common:error.badResponse');
  switch (error.status) {
    case 0:
      return t('common:error.unexpected');
    case 400:
    case 422:
      return t('common:error.invalid');
    case 401:
      return t('common:error.unauthorized');
    case 403:
      return t('common:error.forbidden');
    case 404:
      return t('common:error.notFound');
    case 409:
      return t('common:error.conflict');
    case 429:
      return t('common:error.tooMany');
    default:
      return error.status >= 500 ? t('common:error.server') : t('common:error.unexpected');
  }
}

// The server explains refused input and conflicts in its own words (English); they are shown
// under the translated summary because they name what to correct.
function serverExplains(error: ApiError): boolean {
  return [400, 409, 422].includes(error.status) && Boolean(error.message);
}

interface ErrorNoticeProps {
  error: ApiError;
  onRetry?: () => void;
  retryLabel?: string;
}

/** An error from the API, with a button to try again when that can help. */
export function ErrorNotice({ error, onRetry, retryLabel }: ErrorNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice">
      <p>{apiErrorMessage(error, t)}</p>
      {serverExplains(error) ? (
        <p className="notice__detail" lang="en" translate="no">
          {error.message}
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel ?? t('common:error.retry')}
        </button>
      ) : null}
    </div>
  );
}
