import { Link } from '../lib/router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** Shown for an address the app does not know. */
export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <div className="notice" data-testid="not-found">
      <h1 className="page-title">Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/conversations">Go to the conversations</Link>.
      </p>
    </div>
  );
}
