// Exports: CSV from the API (the same rows and filters as the JSON), PNG from a chart's SVG with
// a header that says what it shows: title, period, filters and the cost assumptions.
import type { CostModelVersion } from '../../../server/src/contract';
import { addDays } from './date-range';
import { formatMoney } from './format';
import { describeFilter } from './filter-options';

const COST_KEYS = ['humanHourlyCost', 'aiCostPerConversation', 'aiCostPerResolution', 'fixedCostPerMonth', 'fteHoursPerMonth'] as const;

/**
 * The header lines of an exported chart: what it is, over which local days (the last one
 * inclusive) and filters, priced with which costs (what-if values in the view's parameters win
 * over the saved cost model, and are marked so).
 */
export function exportCaption(title: string, params: Record<string, string | undefined>, stored: CostModelVersion | undefined): string[] {
  const lines = [`Claimcheck · ${title}`];
  if (params.from && params.to) {
    const filters = ['channel', 'category', 'language', 'path'].filter((k) => params[k]).map((k) => `${k} ${describeFilter(params[k]!)}`);
    lines.push(`${params.from} to ${addDays(params.to, -1)} (${params.tz ?? 'UTC'})${params.interval ? `, by ${params.interval}` : ''}${filters.length ? `; ${filters.join('; ')}` : '; all tickets'}`);
  }
  if (stored) {
    const cost = (k: (typeof COST_KEYS)[number]) => (params[k] !== undefined && params[k] !== '' ? Number(params[k]) : stored[k]);
    const whatIf = COST_KEYS.some((k) => params[k] !== undefined && params[k] !== '' && Number(params[k]) !== stored[k]);
    const m = (v: number) => formatMoney(v, stored.currency);
    lines.push(
      `Costs${whatIf ? ' (what-if, not saved)' : ` (cost model v${stored.version})`}: human ${m(cost('humanHourlyCost'))}/h; AI ${m(cost('aiCostPerConversation'))}/conversation + ${m(cost('aiCostPerResolution'))}/resolution; fixed ${m(cost('fixedCostPerMonth'))}/month; ${cost('fteHoursPerMonth')} h per FTE month`,
    );
  }
  return lines;
}

/** `<name>-<from>-<last day>.<ext>`, safe for any file system: the last day as the pages write it (`to` is exclusive). */
export function exportFileName(name: string, params: Record<string, string | undefined>, ext: string): string {
  const last = params.from && params.to ? addDays(params.to, -1) : params.to;
  const parts = [name, params.from, last].filter(Boolean).join('-');
  return `claimcheck-${parts.replace(/[^A-Za-z0-9._-]+/g, '_')}.${ext}`;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const LINE = 18;

/** Renders an SVG element onto a canvas (2x for sharpness) under its header lines, and returns a PNG. */
export async function svgToPng(svg: SVGSVGElement, caption: readonly string[] = []): Promise<Blob> {
  const { width, height: chartHeight } = svg.getBoundingClientRect();
  const top = caption.length > 0 ? caption.length * LINE + 12 : 0;
  const height = chartHeight + top;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  // CSS variables do not survive outside the page: inline the computed colours.
  const styles = getComputedStyle(document.documentElement);
  const text = new XMLSerializer().serializeToString(clone).replace(/var\((--[a-z-]+)\)/g, (_, v: string) => styles.getPropertyValue(v).trim() || '#888');
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * 2);
  canvas.height = Math.ceil(height * 2);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = styles.getPropertyValue('--card').trim() || '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(2, 2);
  ctx.fillStyle = styles.getPropertyValue('--fg').trim() || '#222';
  caption.forEach((line, i) => {
    ctx.font = `${i === 0 ? 'bold 14px' : '12px'} system-ui, sans-serif`;
    ctx.fillText(line, 8, 16 + i * LINE, width - 16);
  });
  ctx.drawImage(img, 0, top, width, chartHeight);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
