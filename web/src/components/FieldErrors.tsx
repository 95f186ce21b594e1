import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { apiErrorMessage } from './ErrorNotice';

/**
 * An API error with each refused field and its reason, so the user sees what to correct: the
 * summary in the interface language, the server's own explanation (English) beneath it.
 */
export function FieldErrors({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice">
      <p>{apiErrorMessage(error, t)}</p>
      {error.message ? (
        <p className="notice__detail" lang="en" translate="no">
          {error.message}
        </p>
      ) : null}
      {error.details.length > 0 ? (
        <ul lang="en" translate="no">
          {error.details.map((detail) => (
            <li key={`${detail.field}: ${detail.reason}`}>
              <code>{detail.field}</code>: {detail.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
