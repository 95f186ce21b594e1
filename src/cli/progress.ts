/** A one-line progress display for terminals: bar, counts, rate and time left. */

/** Formats seconds as `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Redraws one status line on a terminal at most every `intervalMs`. */
export class ProgressLine {
  private lastDraw = 0;
  private readonly startedAt = Date.now();
  private visible = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly intervalMs = 150,
  ) {}

  /** Draws the line if enough time has passed since the last draw. */
  update(done: number, total: number, label: string, items: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    const elapsed = (now - this.startedAt) / 1000;
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const rate = elapsed > 0 ? items / elapsed : 0;
    const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : Number.NaN;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const text = `${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${label} · ${integer.format(items)} · ${integer.format(rate)}/s · ETA ${formatDuration(eta)}`;
    const columns = this.stream.columns ?? 100;
    this.stream.write(`\r${text.slice(0, columns - 1)}\u001b[K`);
    this.visible = true;
  }

  /** Removes the line so that the next output starts clean. */
  clear(): void {
    if (this.visible) this.stream.write('\r\u001b[K');
    this.visible = false;
  }
}
