/**
 * What charts need of the theme: canvas charts paint their colours once, so they redraw when the
 * theme changes (the attribute on <html> or the system's scheme).
 */
import { useSyncExternalStore } from 'react';

function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    scheme.removeEventListener('change', onChange);
  };
}

const themeSnapshot = () =>
  `${document.documentElement.getAttribute('data-theme') ?? ''} ${window.matchMedia('(prefers-color-scheme: dark)').matches}`;

/** A value that changes whenever the theme does: put it in a chart effect's dependencies. */
export function useThemeKey(): string {
  return useSyncExternalStore(subscribeToTheme, themeSnapshot);
}

/** A theme colour with transparency for fills and grid lines; the colour itself when not #rrggbb. */
export function faded(colour: string, alphaHex: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}${alphaHex}` : colour;
}
