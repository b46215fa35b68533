/**
 * Shows ingest progress: a bar (rows, rows/s, rejects, ETA) on a terminal, plain periodic lines when
 * stdout is not a TTY (logs, CI, pipes).
 */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../use-cases/ingest-file.js';

export interface ProgressReporter {
  update(progress: IngestProgress): void;
  stop(): void;
}

const rate = (p: IngestProgress) => (p.elapsedMs > 0 ? Math.round((p.rows * 1000) / p.elapsedMs) : 0);

function etaSeconds(p: IngestProgress): number | null {
  if (p.bytesRead <= 0 || p.totalBytes <= 0) return null;
  return Math.max(0, Math.round(((p.elapsedMs / p.bytesRead) * (p.totalBytes - p.bytesRead)) / 1000));
}

/** An ETA as `1h02m`, `3m05s` or `42s` ('?' while unknown). */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s >= 3600) return `${Math.floor(s / 3600)}h${two(Math.floor((s % 3600) / 60))}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${two(s % 60)}s`;
  return `${s}s`;
}

/** One plain progress line (`payments: 120000 rows, 15000 rows/s, 3 rejects, 45%, ETA 30 s`). */
export function formatProgressLine(label: string, p: IngestProgress): string {
  const percent = p.totalBytes > 0 ? Math.min(100, Math.round((100 * p.bytesRead) / p.totalBytes)) : 100;
  const eta = etaSeconds(p);
  return `${label}: ${p.rows} rows, ${rate(p)} rows/s, ${p.rejected} rejects, ${percent}%${eta === null ? '' : `, ETA ${eta} s`}`;
}

/** A reporter for `label`; `intervalMs` spaces the plain lines (default 5 s). */
export function createProgressReporter(
  label: string,
  intervalMs = 5000,
  tty = Boolean(process.stdout.isTTY),
): ProgressReporter {
  if (!tty) {
    let last = 0;
    return {
      update: (p) => {
        if (p.elapsedMs - last < intervalMs) return;
        last = p.elapsedMs;
        console.log(formatProgressLine(label, p));
      },
      stop: () => {},
    };
  }
  // on stdout, like the summary that follows it; the ETA is ours (cli-progress prints "LLs" for an
  // ETA it cannot compute yet)
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} |{bar}| {percentage}% | {rows} rows | {rate} rows/s | {rejected} rejects | ETA {etaText}`,
      hideCursor: true,
      stream: process.stdout,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = {
        rows: p.rows,
        rate: rate(p),
        rejected: p.rejected,
        etaText: formatEta(etaSeconds(p)),
      };
      if (!started) {
        bar.start(Math.max(1, p.totalBytes), p.bytesRead, payload);
        started = true;
      } else bar.update(p.bytesRead, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
