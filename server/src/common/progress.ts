// A progress line for long operations (seed, import, benchmarks): a bar on a terminal, a line
// every 10% otherwise (CI logs).

export interface Progress {
  tick(n: number): void;
  done(extra?: string): void;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Where progress goes: a terminal (a bar redrawn in place) or any line sink (a log). */
export type ProgressOut = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

export function progress(label: string, total: number, stream: ProgressOut = process.stderr): Progress {
  const started = Date.now();
  let count = 0;
  let lastDraw = 0;
  let lastDecile = -1;
  let finished = false;
  const line = () => {
    const secs = (Date.now() - started) / 1000;
    const ratePerSec = secs > 0 ? count / secs : 0;
    const pct = total > 0 ? Math.min(1, count / total) : 1;
    // A total that was an estimate (the demo's follow-up tickets) grows with the count: never "360,054/360,000".
    const shownTotal = Math.max(total, count);
    const eta = ratePerSec > 0 && total > count ? ` ETA ${Math.ceil((total - count) / ratePerSec)}s` : '';
    const bar = '#'.repeat(Math.round(pct * 24)).padEnd(24, '.');
    return `${label} [${bar}] ${(pct * 100).toFixed(0).padStart(3)}% ${fmt(count)}/${fmt(shownTotal)} ${fmt(ratePerSec)}/s${eta}`;
  };
  return {
    tick(n: number) {
      count += n;
      const now = Date.now();
      if (stream.isTTY) {
        if (now - lastDraw > 100) {
          lastDraw = now;
          stream.write(`\r${line()}\x1b[K`);
        }
      } else {
        const decile = total > 0 ? Math.floor((count / total) * 10) : 10;
        if (decile > lastDecile) {
          lastDecile = decile;
          stream.write(line() + '\n');
        }
      }
    },
    done(extra = '') {
      // Once: a caller may end the bar where the work ends and again on its way out (the import printed its line twice).
      if (finished) return;
      finished = true;
      const secs = (Date.now() - started) / 1000;
      const text = `${label}: ${fmt(count)} in ${secs.toFixed(1)}s (${fmt(count / Math.max(secs, 1e-3))}/s)${extra ? ' ' + extra : ''}`;
      stream.write(stream.isTTY ? `\r${text}\x1b[K\n` : `${text}\n`);
    },
  };
}
