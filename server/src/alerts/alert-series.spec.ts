// The alert's sentence with hand-worked figures: which days its "to" figure covers.
import type { Judgement } from '../stats/alert-detection';
import { dayspan, sentence, seriesKeysOfAlert } from './alert-series';

describe('dayspan', () => {
  it.each([
    ['one day', '2026-05-11', '2026-05-11', 'on May 11, 2026'],
    ['days of one year', '2026-05-11', '2026-05-13', 'from May 11 to May 13, 2026'],
    ['across a new year', '2025-12-30', '2026-01-02', 'from Dec 30, 2025 to Jan 2, 2026'],
  ])('%s', (_n, first, last, text) => {
    expect(dayspan(first, last)).toBe(text);
  });
});

describe('sentence', () => {
  it('names the days the figure covers, so it still says which tickets when read later', () => {
    // 74.9% of 478 answers before; 18 of 56 = 32.1% over May 11-13; p far below 0.0000034.
    const j: Judgement = { z: 6, pValue: 1e-9, observed: { value: 18 / 56, n: 56, s1: 18 }, expected: 0.749, baseline: { value: 0.749, n: 478, s1: 358 }, dispersion: 1, practical: true };
    const s = { metric: 'csatTop2Box', path: 'ai', segment: 'category:billing', bad: 'down', kind: 'rate' } as const;
    expect(sentence(s, j, '2026-05-11', '2026-05-13')).toBe('AI CSAT top-2-box in billing fell from 74.9% (478 answers) to 32.1% (56 answers) from May 11 to May 13, 2026; chance is very unlikely to explain it.');
  });
});

describe('seriesKeysOfAlert', () => {
  it('its own series, then those it explains: a segment on its path, another path named, all paths', () => {
    expect(seriesKeysOfAlert('csatTop2Box', 'ai', 'category:billing', ['all', 'channel:chat', 'escalated: category:billing', 'all paths: category:billing'])).toEqual([
      'csatTop2Box|ai|category:billing',
      'csatTop2Box|ai|all',
      'csatTop2Box|ai|channel:chat',
      'csatTop2Box|escalated|category:billing',
      'csatTop2Box|all|category:billing',
    ]);
  });
  it('a category named like a path prefix stays a segment', () => {
    expect(seriesKeysOfAlert('reopenRate', 'ai', 'all', ['category:ai: tools'])).toEqual(['reopenRate|ai|all', 'reopenRate|ai|category:ai: tools']);
  });
});
