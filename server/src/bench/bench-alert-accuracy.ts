// npm run bench:alert-accuracy -- [--seeds 20] [--runs 40]
// False alarms of every detector on stable simulated stories, and days-to-detect for regressions
// of several sizes (docs/ALERTS.md keeps the figures). Pure computation: no database.
import { DETECTION_CASES, detection, falseAlarms } from '../alerts/alert-accuracy';
import { parseArgs } from '../cli/cli-args';
import { DEFAULT_DETECTOR } from '../stats/alert-detection';
import { progress } from '../common/progress';
import { writeResult } from './bench-env';

function main(): void {
  const args = parseArgs(process.argv.slice(2), { seeds: 'int', runs: 'int', limit: 'string', 'limit-3-day': 'string', 'skip-regressions': 'bool' });
  const seeds = (args.seeds as number) ?? 20;
  const runs = (args.runs as number) ?? 40;
  // --limit explores another score limit than the default (the figures in docs/ALERTS.md use the default).
  const cfg = {
    ...DEFAULT_DETECTOR,
    limit: args.limit ? Number(args.limit) : DEFAULT_DETECTOR.limit,
    windowLimits: args['limit-3-day'] ? { ...DEFAULT_DETECTOR.windowLimits, 3: Number(args['limit-3-day']) } : DEFAULT_DETECTOR.windowLimits,
  };
  const bar = progress('Stable stories', seeds * 5);
  const fa = falseAlarms(seeds, cfg, () => bar.tick(1));
  bar.done();
  console.log(`\nFalse alarms on ${fa.stories} stable stories x ${fa.segmentsPerStory} segments, last 90 days each (budget: 0.1 per segment per 90 days):`);
  for (const [m, v] of Object.entries(fa.perSegmentPer90Days)) console.log(`  ${m.padEnd(18)} ${String(fa.alerts[m as keyof typeof fa.alerts]).padStart(4)} alerts  ${v.toFixed(4)} per segment per 90 days`);
  for (const e of fa.examples) console.log(`    ${e}`);
  if (args['skip-regressions']) return;
  const bar2 = progress('Regressions', DETECTION_CASES.length);
  const det = DETECTION_CASES.map((c) => {
    const r = detection(c, runs, cfg);
    bar2.tick(1);
    return r;
  });
  bar2.done();
  console.log(`\nRegressions (${runs} runs each): the series' n a day, days of data to the alert (median), alerted within 3 days, missed within 15 days, other alerts per run`);
  for (const r of det) console.log(`  ${r.label.padEnd(48)} n/day ${r.nPerDay.toFixed(0).padStart(4)}  ${String(r.medianDays ?? '-').padStart(3)} d  ${String(r.within3Days).padStart(3)}/${r.runs}  missed ${r.missed}  others ${r.otherAlertsPerRun.toFixed(2)}`);
  console.log(`written to ${writeResult('alert-accuracy', { benchmark: 'alert-accuracy', seeds, runs, limit: cfg.limit, windowLimits: cfg.windowLimits, falseAlarms: fa, detection: det, goals: { falseAlarmsPerSegmentPer90Days: 0.1, detectWithinDays: 3 } })}`);
}

main();
