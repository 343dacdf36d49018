import { progress } from './progress';

describe('progress', () => {
  const sink = () => {
    const lines: string[] = [];
    return { lines, out: { isTTY: false, write: (s: string) => (lines.push(s), true) } };
  };

  it('a line at every tenth when not on a terminal, and the summary once however often it is ended', () => {
    const { lines, out } = sink();
    const bar = progress('Importing x.csv (bytes)', 100, out as never);
    for (let i = 0; i < 4; i++) bar.tick(25);
    bar.done();
    bar.done();
    // 0-25%: decile 2, 50%: 5, 75%: 7, 100%: 10: four lines, then the summary once.
    expect(lines.filter((l) => l.includes('['))).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('Importing x.csv (bytes): 100 in '))).toHaveLength(1);
  });
});
