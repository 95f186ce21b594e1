/** Entry point of the web app (loaded by index.html as a module; no inline scripts, for the CSP). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startLanguages } from './i18n';
import { SessionProvider } from './lib/session';
import { applyTheme, storedTheme } from './lib/theme';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

applyTheme(storedTheme());
// The first render waits for the texts of its language (two small requests), so no raw keys show.
void startLanguages().finally(() => {
  createRoot(rootElement).render(
    <StrictMode>
      <SessionProvider>
        <App />
      </SessionProvider>
    </StrictMode>,
  );
});
