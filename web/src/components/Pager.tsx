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
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button"
        disabled={disabled || !hasPrevious}
        onClick={onPrevious}
        data-testid="page-previous"
      >
        ← Previous
      </button>
      {pageNumber !== null ? (
        <span className="pager__page" data-testid="page-number">
          Page {pageNumber}
        </span>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={disabled || !hasNext}
        onClick={onNext}
        data-testid="page-next"
      >
        Next →
      </button>
    </nav>
  );
}
