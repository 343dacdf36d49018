// Simulated stories at the grain the alert query returns (day x path x channel x category), to
// measure the detector's false alarms and delays (`npm run bench:alert-accuracy`, and the
// targets in alert-accuracy.spec.ts). Stable stories keep every category's quality constant while
// volume, the AI's share and the category mix move; a regression changes one metric of one
// category on one path from a given day.
import { rng } from '../demo/demo-story';
import { addDays } from '../stats/time-range';
import type { AlertMetric } from '../contract';
import type { AlertCellRow } from './queries/alert-cells.query';

export interface SimCategory {
  name: string;
  /** Share of tickets at the story's start and end (mix drift in between). */
  weight: [number, number];
  humanSeconds: number;
  aiResolve: number;
}

export interface Regression {
  category: string;
  /** 'all': every path of the category. */
  path: 'ai' | 'human' | 'all';
  metric: AlertMetric;
  /** Index of the first day affected. */
  startDay: number;
  /** Rate metrics: points added in the bad direction (0.2 = 20 points); handle time: the factor. */
  size: number;
}

export interface SimStory {
  seed: number;
  days: number;
  /** Tickets a day at the start and at the end. */
  perDay: [number, number];
  /** Share of tickets given to the AI at the start and at the end. */
  aiShare: [number, number];
  categories: SimCategory[];
  channels: string[];
  csatResponse: number;
  /** Day-to-day variation of every rate and log handle time (0: none), as a standard deviation. */
  dayNoise?: number;
  regression?: Regression;
  firstDay?: string;
}

export const SIM_CATEGORIES: SimCategory[] = [
  { name: 'account', weight: [0.2, 0.15], humanSeconds: 420, aiResolve: 0.86 },
  { name: 'shipping', weight: [0.2, 0.25], humanSeconds: 540, aiResolve: 0.8 },
  { name: 'billing', weight: [0.2, 0.2], humanSeconds: 660, aiResolve: 0.76 },
  { name: 'payments', weight: [0.15, 0.1], humanSeconds: 720, aiResolve: 0.66 },
  { name: 'technical', weight: [0.15, 0.2], humanSeconds: 960, aiResolve: 0.5 },
  { name: 'disputes', weight: [0.1, 0.1], humanSeconds: 1080, aiResolve: 0.35 },
];

const QUALITY = { ai: { repeat: 0.07, reopen: 0.03, top2: 0.74 }, human: { repeat: 0.06, reopen: 0.04, top2: 0.82 } };

/** A binomial draw: exact (CDF inversion) unless both tails hold 40+ events, then normal. */
function binomial(r: () => number, n: number, p: number): number {
  if (n <= 0) return 0;
  const q = Math.min(Math.max(p, 0), 1);
  if (q === 0 || q === 1) return q * n;
  if (n * Math.min(q, 1 - q) < 40) {
    const small = q <= 0.5 ? q : 1 - q;
    const u = r();
    let k = 0;
    let pk = (1 - small) ** n;
    let cdf = pk;
    while (u > cdf && k < n) {
      pk *= ((n - k) / (k + 1)) * (small / (1 - small));
      k++;
      cdf += pk;
    }
    return q <= 0.5 ? k : n - k;
  }
  const z = normal(r);
  return Math.min(n, Math.max(0, Math.round(n * q + z * Math.sqrt(n * q * (1 - q)))));
}

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** The story's rows, as the alert query would return them, and its day list. */
export function simulate(s: SimStory): { rows: AlertCellRow[]; days: string[] } {
  const r = rng(s.seed);
  const first = s.firstDay ?? '2026-01-01';
  const days = Array.from({ length: s.days }, (_, i) => addDays(first, i));
  const rows: AlertCellRow[] = [];
  const noise = s.dayNoise ?? 0;
  for (let d = 0; d < s.days; d++) {
    const f = d / Math.max(1, s.days - 1);
    const total = Math.round(s.perDay[0] + (s.perDay[1] - s.perDay[0]) * f);
    const aiShare = s.aiShare[0] + (s.aiShare[1] - s.aiShare[0]) * f;
    const weights = s.categories.map((c) => c.weight[0] + (c.weight[1] - c.weight[0]) * f);
    const wsum = weights.reduce((a, b) => a + b, 0);
    const dayShift = noise > 0 ? normal(r) * noise : 0;
    for (let ci = 0; ci < s.categories.length; ci++) {
      const cat = s.categories[ci];
      for (const channel of s.channels) {
        const n = binomial(r, total, weights[ci] / wsum / s.channels.length);
        const aiN = binomial(r, n, aiShare);
        const escUp = s.regression && s.regression.metric === 'escalationRate' && s.regression.category === cat.name && d >= s.regression.startDay ? s.regression.size : 0;
        const esc = binomial(r, aiN, 1 - cat.aiResolve + escUp);
        const groups: { path: 'ai' | 'escalated' | 'human'; tickets: number }[] = [
          { path: 'ai', tickets: aiN - esc },
          { path: 'escalated', tickets: esc },
          { path: 'human', tickets: n - aiN },
        ];
        for (const g of groups) {
          if (g.tickets <= 0) continue;
          const reg = s.regression && s.regression.category === cat.name && d >= s.regression.startDay && (s.regression.path === g.path || s.regression.path === 'all') ? s.regression : null;
          const q = g.path === 'ai' ? QUALITY.ai : QUALITY.human;
          const bump = (m: AlertMetric) => (reg && reg.metric === m ? reg.size : 0) + dayShift;
          const resolved = binomial(r, g.tickets, 0.97);
          const csatN = binomial(r, resolved, s.csatResponse);
          const matured = resolved; // the simulation judges after every window has closed
          let handleN = 0;
          let sum = 0;
          let sq = 0;
          const median = g.path === 'ai' ? 105 : g.path === 'escalated' ? 105 + cat.humanSeconds * 1.15 : cat.humanSeconds * 0.9;
          const factor = reg && reg.metric === 'handleTime' ? reg.size : 1;
          const mu = Math.log(median * factor) + dayShift;
          for (let i = 0; i < resolved; i++) {
            const v = mu + 0.5 * normal(r);
            handleN++;
            sum += v;
            sq += v * v;
          }
          rows.push({
            day: days[d], path: g.path, channel, category: cat.name,
            tickets: g.tickets,
            resolved,
            csatN,
            csatTop2: binomial(r, csatN, q.top2 - bump('csatTop2Box')),
            reopened: binomial(r, resolved, q.reopen + bump('reopenRate')),
            matured,
            repeat: binomial(r, matured, q.repeat + bump('repeatContactRate')),
            handleN, handleLogSum: sum, handleLogSq: sq,
          });
        }
      }
    }
  }
  return { rows, days };
}

/** The stable stories the accuracy figures are measured on: sizes, a falling human volume, a drifting mix. */
export function stableStories(seed: number): SimStory[] {
  const base = { days: 135, categories: SIM_CATEGORIES, channels: ['chat', 'email', 'phone', 'social'], csatResponse: 0.3 };
  return [
    { ...base, seed: seed * 10 + 1, perDay: [150, 150], aiShare: [0.5, 0.5] },
    { ...base, seed: seed * 10 + 2, perDay: [600, 600], aiShare: [0.2, 0.7] },
    { ...base, seed: seed * 10 + 3, perDay: [300, 600], aiShare: [0.1, 0.6] },
    { ...base, seed: seed * 10 + 4, perDay: [2000, 2000], aiShare: [0.4, 0.6] },
    { ...base, seed: seed * 10 + 5, perDay: [400, 400], aiShare: [0.3, 0.5], dayNoise: 0.02 },
  ];
}
