import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userRoleLabel } from '../lib/format';
import { Link, useLocation } from '../lib/router';
import { useCurrentUser, useSession } from '../lib/session';
import { applyTheme, effectiveTheme, storedTheme } from '../lib/theme';
import { LanguagePicker } from './LanguagePicker';

/**
 * An entry of the main navigation; `section` is the path prefix that marks it as current. The
 * shown name is `nav.<section>` of the common namespace; `label` is used until that exists.
 */
interface NavItem {
  label: string;
  to: string;
  section: string;
  /** Roles that see the item; everyone when absent. */
  roles?: readonly string[];
}

const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Dashboard', to: '/dashboard', section: '/dashboard' },
  { label: 'Conversations', to: '/conversations', section: '/conversations' },
  { label: 'Review', to: '/review', section: '/review', roles: ['admin', 'manager', 'reviewer', 'lead'] },
  { label: 'Reviews', to: '/my-reviews', section: '/my-reviews' },
  { label: 'Disputes', to: '/disputes', section: '/disputes', roles: ['admin', 'manager'] },
  { label: 'Complaints', to: '/complaints', section: '/complaints' },
  {
    label: 'Calibration',
    to: '/calibration',
    section: '/calibration',
    roles: ['admin', 'manager', 'lead', 'reviewer'],
  },
  { label: 'Coaching', to: '/coaching', section: '/coaching', roles: ['admin', 'manager', 'lead', 'agent'] },
  { label: 'Tasks', to: '/tasks', section: '/tasks' },
  { label: 'Administration', to: '/admin', section: '/admin', roles: ['admin', 'manager'] },
];

function isInSection(pathname: string, section: string): boolean {
  return pathname === section || pathname.startsWith(`${section}/`);
}

/** The frame of every signed-in page: top bar with navigation and the user, then the page. */
export function Shell({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const [signingOut, setSigningOut] = useState(false);
  const [theme, setTheme] = useState(() => effectiveTheme(storedTheme()));
  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    setTheme(next);
  };

  const handleSignOut = () => {
    setSigningOut(true);
    // The session provider switches to signed-out, and the app then shows the sign-in page.
    void signOut().finally(() => setSigningOut(false));
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="top-bar">
        <Link to="/conversations" className="brand" translate="no" data-testid="brand">
          Kvalita
        </Link>
        <nav className="main-nav" aria-label={t('shell.mainNavigation')}>
          <ul>
            {NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) => {
              const current = isInSection(pathname, item.section);
              return (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    className={current ? 'main-nav__link main-nav__link--current' : 'main-nav__link'}
                    aria-current={current ? 'page' : undefined}
                    data-testid={`nav-${item.section.slice(1)}`}
                  >
                    {t(`nav.${item.section.slice(1)}`, { defaultValue: item.label })}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="user-menu">
          <span className="user-menu__name" translate="no" data-testid="current-user-name">
            {user.name}
          </span>
          <span className="badge badge--role" data-testid="current-user-role">
            {userRoleLabel(user.role)}
          </span>
          <LanguagePicker />
          <button
            type="button"
            className="button button--quiet"
            onClick={toggleTheme}
            aria-pressed={theme === 'dark'}
            data-testid="theme-toggle"
          >
            {t('shell.darkTheme')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={handleSignOut}
            disabled={signingOut}
            data-testid="sign-out"
          >
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
