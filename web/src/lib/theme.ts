/**
 * Light or dark: the user's choice, kept in this browser, else the system's. The choice is an
 * attribute on <html> that the stylesheet reads; applied before the first render so nothing
 * flashes in the wrong colours.
 */

/** The themes a user can choose; `system` follows the operating system. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'kvalita.theme';

/** The stored choice, `system` when none (or storage is unavailable). */
export function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Shows the page in a theme and remembers the choice. */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private windows may refuse storage; the theme still applies to this page.
  }
}

/** The theme actually shown now. */
export function effectiveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
