import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from './components/ErrorNotice';
import { Shell } from './components/Shell';
import { HOME_PATH, loginUrlReturningTo, returnPathFromSearch } from './lib/loginRedirect';
import { matchPath, Redirect, useLocation } from './lib/router';
import { useSession } from './lib/session';
import { ConversationListPage } from './pages/ConversationListPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Only the sign-in page and the conversation list (where signing in lands) come with the first
// page; every other page loads when first opened, so the first page parses less JavaScript.
const ConversationPage = lazy(() =>
  import('./pages/ConversationPage').then((m) => ({ default: m.ConversationPage })),
);
const ReviewPage = lazy(() => import('./pages/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const ReviewQueuePage = lazy(() =>
  import('./pages/ReviewQueuePage').then((m) => ({ default: m.ReviewQueuePage })),
);
const MyReviewsPage = lazy(() => import('./pages/MyReviewsPage').then((m) => ({ default: m.MyReviewsPage })));
const ReviewDetailPage = lazy(() =>
  import('./pages/MyReviewsPage').then((m) => ({ default: m.ReviewDetailPage })),
);
const DisputesPage = lazy(() => import('./pages/DisputesPage').then((m) => ({ default: m.DisputesPage })));
const ComplaintsPage = lazy(() =>
  import('./pages/ComplaintsPage').then((m) => ({ default: m.ComplaintsPage })),
);
const ComplaintPage = lazy(() => import('./pages/ComplaintPage').then((m) => ({ default: m.ComplaintPage })));

// The dashboard brings its chart library; it loads when first opened, not with the first page.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
// Calibration, coaching, tasks and administration load on first use too.
const CalibrationListPage = lazy(() =>
  import('./pages/CalibrationPage').then((m) => ({ default: m.CalibrationListPage })),
);
const CalibrationSessionPage = lazy(() =>
  import('./pages/CalibrationPage').then((m) => ({ default: m.CalibrationSessionPage })),
);
const CoachingListPage = lazy(() =>
  import('./pages/CoachingPage').then((m) => ({ default: m.CoachingListPage })),
);
const CoachingSessionPage = lazy(() =>
  import('./pages/CoachingPage').then((m) => ({ default: m.CoachingSessionPage })),
);
const TasksPage = lazy(() => import('./pages/TasksPage').then((m) => ({ default: m.TasksPage })));
const AdminPage = lazy(() => import('./pages/AdminPage').then((m) => ({ default: m.AdminPage })));
// The complaint list, topics (with the chart library), corrective actions and candidates too.
const ComplaintListPage = lazy(() =>
  import('./pages/ComplaintListPage').then((m) => ({ default: m.ComplaintListPage })),
);
const ComplaintTopicsPage = lazy(() =>
  import('./pages/ComplaintTopicsPage').then((m) => ({ default: m.ComplaintTopicsPage })),
);
const CorrectiveActionsPage = lazy(() =>
  import('./pages/CorrectiveActionsPage').then((m) => ({ default: m.CorrectiveActionsPage })),
);
const ComplaintCandidatesPage = lazy(() =>
  import('./pages/ComplaintCandidatesPage').then((m) => ({ default: m.ComplaintCandidatesPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="empty-state">…</p>}>{children}</Suspense>;
}

/** A page of the signed-in app: a path pattern and what to render for its parameters. */
interface Route {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
}

// The server answers each of these paths with index.html (see web/README.md).
const ROUTES: readonly Route[] = [
  { pattern: '/', render: () => <Redirect to={HOME_PATH} /> },
  { pattern: '/conversations', render: () => <ConversationListPage /> },
  {
    pattern: '/conversations/:id',
    render: ({ id }) =>
      id && /^[1-9]\d{0,15}$/.test(id) ? (
        // A new key for each conversation, so no state of the previous one carries over.
        <ConversationPage key={id} conversationId={Number(id)} />
      ) : (
        <NotFoundPage />
      ),
  },
  { pattern: '/review', render: () => <ReviewQueuePage /> },
  {
    pattern: '/dashboard',
    render: () => (
      <Suspense fallback={<LoadingDashboard />}>
        <DashboardPage />
      </Suspense>
    ),
  },
  { pattern: '/complaints', render: () => <ComplaintsPage /> },
  // Before `/complaints/:id`, which would answer these paths with "not found".
  {
    pattern: '/complaints/list',
    render: () => (
      <Lazy>
        <ComplaintListPage />
      </Lazy>
    ),
  },
  {
    pattern: '/complaints/topics',
    render: () => (
      <Lazy>
        <ComplaintTopicsPage />
      </Lazy>
    ),
  },
  {
    pattern: '/complaints/actions',
    render: () => (
      <Lazy>
        <CorrectiveActionsPage />
      </Lazy>
    ),
  },
  {
    pattern: '/complaints/candidates',
    render: () => (
      <Lazy>
        <ComplaintCandidatesPage />
      </Lazy>
    ),
  },
  {
    pattern: '/calibration',
    render: () => (
      <Lazy>
        <CalibrationListPage />
      </Lazy>
    ),
  },
  {
    pattern: '/calibration/:id',
    render: ({ id }) =>
      id && /^[1-9]\d{0,15}$/.test(id) ? (
        <Lazy>
          <CalibrationSessionPage key={id} sessionId={Number(id)} />
        </Lazy>
      ) : (
        <NotFoundPage />
      ),
  },
  {
    pattern: '/coaching',
    render: () => (
      <Lazy>
        <CoachingListPage />
      </Lazy>
    ),
  },
  {
    pattern: '/coaching/:id',
    render: ({ id }) =>
      id && /^[1-9]\d{0,15}$/.test(id) ? (
        <Lazy>
          <CoachingSessionPage key={id} sessionId={Number(id)} />
        </Lazy>
      ) : (
        <NotFoundPage />
      ),
  },
  {
    pattern: '/tasks',
    render: () => (
      <Lazy>
        <TasksPage />
      </Lazy>
    ),
  },
  {
    pattern: '/admin',
    render: () => (
      <Lazy>
        <AdminPage section={undefined} />
      </Lazy>
    ),
  },
  {
    pattern: '/admin/:section',
    render: ({ section }) => (
      <Lazy>
        <AdminPage key={section} section={section} />
      </Lazy>
    ),
  },
  { pattern: '/my-reviews', render: () => <MyReviewsPage /> },
  { pattern: '/disputes', render: () => <DisputesPage /> },
  {
    pattern: '/reviews/:id',
    render: ({ id }) =>
      id && /^[1-9]\d{0,15}$/.test(id) ? (
        <ReviewDetailPage key={id} reviewId={Number(id)} />
      ) : (
        <NotFoundPage />
      ),
  },
  {
    pattern: '/complaints/:id',
    render: ({ id }) =>
      id && /^[1-9]\d{0,15}$/.test(id) ? (
        <ComplaintPage key={id} complaintId={Number(id)} />
      ) : (
        <NotFoundPage />
      ),
  },
  {
    pattern: '/conversations/:id/review',
    render: ({ id }) =>
      id && /^[1-9]\d{0,15}$/.test(id) ? (
        <ReviewPage key={id} conversationId={Number(id)} />
      ) : (
        <NotFoundPage />
      ),
  },
];

function renderRoute(pathname: string): ReactNode {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (params) return route.render(params);
  }
  return <NotFoundPage />;
}

function LoadingDashboard() {
  const { t } = useTranslation();
  return <p className="empty-state">{t('app.loadingDashboard')}</p>;
}

function StatusScreen({ children }: { children: ReactNode }) {
  return <main className="status-screen">{children}</main>;
}

/** The whole app: the session check, the sign-in page, and the signed-in pages inside the shell. */
export function App() {
  const { session, retry } = useSession();
  const { pathname, search } = useLocation();
  const onLoginPage = pathname === '/login';
  // Subscribing here re-renders every page when the interface language changes.
  const { t } = useTranslation();

  switch (session.status) {
    case 'checking':
      return (
        <StatusScreen>
          <p className="muted">{t('app.loading')}</p>
        </StatusScreen>
      );
    case 'unavailable':
      return (
        <StatusScreen>
          <div className="notice notice--error" role="alert">
            <p>{apiErrorMessage(session.error, t)}</p>
            <button type="button" className="button" onClick={retry}>
              {t('error.retry')}
            </button>
          </div>
        </StatusScreen>
      );
    case 'signed-out':
      return onLoginPage ? <LoginPage /> : <Redirect to={loginUrlReturningTo(`${pathname}${search}`)} />;
    case 'signed-in':
      return onLoginPage ? (
        <Redirect to={returnPathFromSearch(search)} />
      ) : (
        <Shell>
          <Lazy>{renderRoute(pathname)}</Lazy>
        </Shell>
      );
  }
}
