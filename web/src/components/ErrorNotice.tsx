import type { ApiError } from '../api/client';

interface ErrorNoticeProps {
  error: ApiError;
  onRetry?: () => void;
  retryLabel?: string;
}

/** An error from the API, with a button to try again when that can help. */
export function ErrorNotice({ error, onRetry, retryLabel = 'Try again' }: ErrorNoticeProps) {
  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice">
      <p>{error.message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}
