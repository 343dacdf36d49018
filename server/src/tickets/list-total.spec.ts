import type { PathMetricsRow } from '../metrics/summary-assembler';
import { listTotal, predicateKey, totalFromRollups } from './list-total';
import type { TicketPredicates } from './queries/ticket-list.query';

// A population by hand: 10 AI tickets (8 resolved: 3 pending; of the 5 judged 3 verified, 1
// reopened, 1 came back; one more reopened among the pending), 5 escalated (4 resolved), 6 human (6
// resolved, 2 reopened, 1 repeat contact), 2 with no path.
const row = (path: PathMetricsRow['path'], r: Partial<PathMetricsRow>): PathMetricsRow => ({
  grp: '', path, tickets: 0, resolved: 0, handleMean: null, handlePct: null, resolutionPct: null, firstResponseMedian: null, csatResponses: 0,
  csatAverage: null, csatTop2: 0, reopenedResolved: 0, repeatResolved: 0, pending: 0, verified: 0, reopenedJudged: 0, cameBackJudged: 0,
  humanSecondsMean: null, handleUnrecorded: 0, ...r,
});
const ai = row('ai', { tickets: 10, resolved: 8, pending: 3, verified: 3, reopenedResolved: 2, repeatResolved: 3, reopenedJudged: 1, cameBackJudged: 1, csatResponses: 5, csatTop2: 4 });
const escalated = row('escalated', { tickets: 5, resolved: 4, reopenedResolved: 1, csatResponses: 2, csatTop2: 1 });
const human = row('human', { tickets: 6, resolved: 6, reopenedResolved: 2, repeatResolved: 1, csatResponses: 3, csatTop2: 3 });
const none = row('none' as PathMetricsRow['path'], { tickets: 2 });
const all = [ai, escalated, human, none];

describe('listTotal: a list total read from the population rows', () => {
  it.each<[string, TicketPredicates, readonly PathMetricsRow[], number | null]>([
    ['every ticket', {}, all, 23],
    ['resolved', { resolved: true }, all, 18],
    ['unresolved', { resolved: false }, all, 5],
    ['AI involved', { aiInvolved: true }, all, 15],
    ['verified', { verified: true }, all, 3],
    ['verified, said resolved too', { resolved: true, verified: true }, all, 3],
    ['pending', { pending: true }, all, 3],
    ['reopened of the resolved', { resolved: true, reopened: true }, all, 5],
    ['repeat contacts of the resolved', { resolved: true, repeatContact: true }, all, 4],
    ['CSAT responses', { resolved: true, hasCsat: true }, all, 10],
    ['top-2-box', { resolved: true, csatMin: 4 }, all, 8],
    // Judged reopened: the AI path's judged ones, every other path's reopened (nothing pends there).
    ['waterfall: reopened', { resolved: true, pending: false, reopened: true }, all, 1 + 1 + 2],
    ['waterfall: came back, AI only', { resolved: true, pending: false, reopened: false, repeatContact: true }, [ai], 1],
    // Off the AI path "came back without a reopen" is not a number the rollups keep: counted.
    ['waterfall: came back, every path', { resolved: true, pending: false, reopened: false, repeatContact: true }, all, null],
    ['came back, nothing but empty other paths', { resolved: true, pending: false, reopened: false, repeatContact: true }, [ai, row('human', {})], 1],
    ['not a summary number: low CSAT', { resolved: true, csatMax: 2 }, all, null],
    ['not a summary number: reopened of all', { reopened: true }, all, null],
    ['an empty population', { verified: true }, [], 0],
  ])('%s', (_name, predicates, rows, want) => {
    expect(listTotal(predicates, rows)).toBe(want);
  });

  it('says up front which predicates it can answer, whatever order they were given in', () => {
    expect(predicateKey({ reopened: true, resolved: true, pending: false })).toBe('resolved=true&pending=false&reopened=true');
    expect(totalFromRollups({ repeatContact: true, reopened: false, pending: false, resolved: true })).toBe(true);
    expect(totalFromRollups({ resolved: true, csatMin: 3 })).toBe(false);
    expect(totalFromRollups({ csatMin: 4 })).toBe(false);
  });
});
