import { useEffect } from 'react';

/** Sets the browser tab's title to "`title` · Kvalita" while the calling page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Kvalita` : 'Kvalita';
  }, [title]);
}
