/** Entry point of the web app (loaded by index.html as a module; no inline scripts, for the CSP). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { fetchCurrentSession } from './api/client';
import { startLanguages } from './i18n';
import { SessionProvider } from './lib/session';
import { applyTheme, storedTheme } from './lib/theme';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

applyTheme(storedTheme());
// Who is signed in is asked at once, while the texts load, not after the first render.
const firstCheck = fetchCurrentSession();
// Handled by the session provider once it renders; until then a 401 is no unhandled error.
firstCheck.catch(() => undefined);
// The first render waits for the texts of its language (two small requests), so no raw keys show.
void startLanguages().finally(() => {
  createRoot(rootElement).render(
    <StrictMode>
      <SessionProvider firstCheck={firstCheck}>
        <App />
      </SessionProvider>
    </StrictMode>,
  );
});
