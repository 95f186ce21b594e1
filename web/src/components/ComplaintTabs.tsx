/** The tab bar of the complaints area: board, list, topics, corrective actions, candidates. */
import { useTranslation } from 'react-i18next';
import type { UserRole } from '../api/types';
import { Link, useLocation } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import '../pages/complaints-extra.css';

interface Tab {
  key: string;
  to: string;
  /** Roles the server answers for this tab's data; absent: every role. */
  roles?: readonly UserRole[];
}

const TABS: readonly Tab[] = [
  { key: 'board', to: '/complaints' },
  { key: 'list', to: '/complaints/list' },
  { key: 'topics', to: '/complaints/topics', roles: ['admin', 'manager', 'lead', 'reviewer', 'viewer'] },
  { key: 'actions', to: '/complaints/actions' },
  { key: 'candidates', to: '/complaints/candidates', roles: ['admin', 'manager', 'lead', 'reviewer'] },
];

/** Links between the pages of the complaints area, the current one marked for assistive technology too. */
export function ComplaintTabs() {
  const { t } = useTranslation('complaints');
  const { pathname } = useLocation();
  const { role } = useCurrentUser();
  return (
    <nav className="complaint-tabs" aria-label={t('tabs.label')}>
      <ul>
        {TABS.filter((tab) => !tab.roles || tab.roles.includes(role)).map((tab) => (
          <li key={tab.key}>
            <Link
              to={tab.to}
              aria-current={pathname === tab.to ? 'page' : undefined}
              data-testid={`complaint-tab-${tab.key}`}
            >
              {t(`tabs.${tab.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
