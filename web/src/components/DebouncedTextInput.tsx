import { type InputHTMLAttributes, useEffect, useRef, useState } from 'react';

/** Props of {@link DebouncedTextInput}; the other props go to the `<input>`. */
export interface DebouncedTextInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange'> {
  /** The committed value (from the URL). */
  value: string;
  /** Called with the trimmed text once typing pauses, on Enter, and when the field loses focus. */
  onCommit: (value: string) => void;
  delayMs?: number;
}

/**
 * A text input that reports its value only after the user stops typing, so a search does not
 * send one request per keystroke. It follows `value` when that changes from outside.
 */
export function DebouncedTextInput({
  value,
  onCommit,
  delayMs = 350,
  onKeyDown,
  onBlur,
  ...inputProps
}: DebouncedTextInputProps) {
  const [draft, setDraft] = useState(value);
  const [lastSeenValue, setLastSeenValue] = useState(value);
  // The latest callback, so that a parent's re-render does not restart the pause.
  const onCommitRef = useRef(onCommit);
  useEffect(() => {
    onCommitRef.current = onCommit;
  });

  // Outside changes ("Clear filters", back button) replace the draft, unless it already says the same.
  if (value !== lastSeenValue) {
    setLastSeenValue(value);
    if (draft.trim() !== value) setDraft(value);
  }

  const pending = draft.trim() !== value;
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => onCommitRef.current(draft.trim()), delayMs);
    return () => window.clearTimeout(timer);
  }, [draft, pending, delayMs]);

  const commitNow = () => {
    if (draft.trim() !== value) onCommit(draft.trim());
  };

  return (
    <input
      {...inputProps}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.key === 'Enter') commitNow();
      }}
      onBlur={(event) => {
        onBlur?.(event);
        commitNow();
      }}
    />
  );
}
