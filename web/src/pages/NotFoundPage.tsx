import { Trans, useTranslation } from 'react-i18next';
import { Link } from '../lib/router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** Shown for an address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="notice" data-testid="not-found">
      <h1 className="page-title">{t('notFound.heading')}</h1>
      <p>
        <Trans i18nKey="notFound.text" components={{ link: <Link to="/conversations" /> }} />
      </p>
    </div>
  );
}
