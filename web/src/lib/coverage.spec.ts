import { claimCoverageNote, coverageNotes, isPartial, partialMark } from './coverage';

// Coverage as the server reports it (days, daysInDataSpan, dataFrom, dataTo exclusive); the
// sentences are worked out by hand from those dates.
const whole = { days: 30, daysInDataSpan: 30, dataFrom: '2026-08-03', dataTo: '2026-12-01' };

describe('coverage notes', () => {
  it.each([
    ['whole', whole, false],
    ['none', { days: 90, daysInDataSpan: 0, dataFrom: '2026-08-03', dataTo: '2026-12-01' }, false],
    ['no tickets at all', { days: 90, daysInDataSpan: 0, dataFrom: null, dataTo: null }, false],
    ['part', { days: 90, daysInDataSpan: 30, dataFrom: '2026-08-03', dataTo: '2026-12-01' }, true],
  ])('%s is partial: %s', (_name, c, partial) => {
    expect(isPartial(c)).toBe(partial);
  });

  it('says nothing when both periods are whole', () => {
    expect(coverageNotes({ from: '2026-10-01', to: '2026-10-31', coverage: whole }, { from: '2026-09-01', to: '2026-10-01', coverage: whole })).toEqual([]);
  });

  it('names the comparison\'s days within the data and the first ticket', () => {
    // Demo-like data from 2026-08-03; a 90-day range 2026-09-02..2026-12-01 compared with
    // 2026-06-04..2026-09-02: 2026-08-03..2026-09-01 is 30 days of data.
    const notes = coverageNotes(
      { from: '2026-09-02', to: '2026-12-01', coverage: { days: 90, daysInDataSpan: 90, dataFrom: '2026-08-03', dataTo: '2026-12-01' } },
      { from: '2026-06-04', to: '2026-09-02', coverage: { days: 90, daysInDataSpan: 30, dataFrom: '2026-08-03', dataTo: '2026-12-01' } },
    );
    expect(notes).toEqual([
      'The comparison period (2026-06-04 – 2026-09-01) starts before the data: 30 of its 90 days are on or after the first ticket (2026-08-03): its counts and money cover less time than this range, so changes in them are not like for like; rates still compare.',
    ]);
  });

  it('names the range\'s days within the data when it starts before the data', () => {
    const notes = coverageNotes({ from: '2026-07-04', to: '2026-10-02', coverage: { days: 90, daysInDataSpan: 60, dataFrom: '2026-08-03', dataTo: '2026-12-01' } });
    expect(notes).toEqual(['This range starts before the data: 60 of its 90 days are on or after the first ticket (2026-08-03): figures per year, FTE and fixed costs are spread over all 90.']);
  });

  it('names the last ticket when a comparison runs past the data', () => {
    // Data ends 2026-11-30 (dataTo 2026-12-01); a comparison 2026-11-16..2026-12-16 has 15 days of it.
    const notes = coverageNotes({ from: '2026-12-16', to: '2027-01-15' }, { from: '2026-11-16', to: '2026-12-16', coverage: { days: 30, daysInDataSpan: 15, dataFrom: '2026-08-03', dataTo: '2026-12-01' } });
    expect(notes[0]).toContain('runs past the data: 15 of its 30 days are on or before the last ticket (2026-11-30)');
  });

  it('marks a change against a partial comparison, and only then', () => {
    expect(partialMark({ days: 90, daysInDataSpan: 1, dataFrom: '2026-09-01', dataTo: '2026-12-01' })).toBe('against 1 of 90 days within the data');
    expect(partialMark(whole)).toBeNull();
    expect(partialMark(undefined)).toBeNull();
  });
});

describe('claimCoverageNote', () => {
  it('a year claimed on data from August says how many of its days the data has', () => {
    // 2026-01-01 to 2027-01-01, live data from 2026-08-02: 2 Aug to 31 Dec is 30 + 30 + 31 + 30 + 31 = 152 days.
    expect(claimCoverageNote({ from: '2026-01-01', to: '2027-01-01' }, { days: 365, daysInDataSpan: 152, dataFrom: '2026-08-02', dataTo: null })).toBe(
      "This claim's period starts before the data: 152 of its 365 days are on or after the first ticket (2026-08-02): the events can only speak for those days, so a total stated for the whole period is checked against them alone.",
    );
  });
  it('nothing for a period within the data, or none of it', () => {
    expect(claimCoverageNote({ from: '2026-10-01', to: '2026-10-31' }, whole)).toBeNull();
    expect(claimCoverageNote({ from: '2025-01-01', to: '2025-02-01' }, { days: 31, daysInDataSpan: 0, dataFrom: '2026-08-02', dataTo: null })).toBeNull();
    expect(claimCoverageNote({ from: '2026-10-01', to: '2026-10-31' }, undefined)).toBeNull();
  });
});
