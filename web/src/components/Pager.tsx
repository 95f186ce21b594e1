import { useTranslation } from 'react-i18next';

interface PagerProps {
  /** 1-based page number, or null when it is unknown (a bookmarked later page). */
  pageNumber: number | null;
  hasPrevious: boolean;
  hasNext: boolean;
  disabled: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** "Previous" / "Next" buttons of a cursor-paged list. */
export function Pager({ pageNumber, hasPrevious, hasNext, disabled, onPrevious, onNext }: PagerProps) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="button"
        disabled={disabled || !hasPrevious}
        onClick={onPrevious}
        data-testid="page-previous"
      >
        ← {t('pager.previous')}
      </button>
      {pageNumber !== null ? (
        <span className="pager__page" data-testid="page-number">
          {t('pager.page', { number: pageNumber })}
        </span>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={disabled || !hasNext}
        onClick={onNext}
        data-testid="page-next"
      >
        {t('pager.next')} →
      </button>
    </nav>
  );
}
