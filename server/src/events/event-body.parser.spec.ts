import { BodyFormatError, BodyTooLargeError, MAX_EVENTS_PER_REQUEST, parseEventBody } from './event-body.parser';

describe('parseEventBody', () => {
  it('takes a JSON array', () => {
    expect(parseEventBody('[{"id":"a"},{"id":"b"}]', 'application/json')).toEqual([{ value: { id: 'a' } }, { value: { id: 'b' } }]);
  });

  it('takes {"events": [...]}', () => {
    expect(parseEventBody('{"events":[{"id":"a"}]}', 'application/json')).toEqual([{ value: { id: 'a' } }]);
  });

  it('takes NDJSON, skipping blank lines, and reports lines that are not JSON at their index', () => {
    const items = parseEventBody('{"id":"a"}\r\n\n   \n{"id":"b", oops}\n{"id":"c"}\n', 'application/x-ndjson');
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({ value: { id: 'a' }, line: 1 });
    expect(items[1]).toMatchObject({ line: 4, rawId: 'b' });
    expect((items[1] as { parseError: string }).parseError).toMatch(/^line 4 is not valid JSON/);
    expect(items[2]).toEqual({ value: { id: 'c' }, line: 5 });
  });

  it('rejects each line that is not one JSON value at its own index, never borrowing from neighbours', () => {
    const e = (id: string) => JSON.stringify({ id });
    const text = [e('e1'), `[${e('e2')}`, `${e('e3')}]`, `${e('e4')},${e('e5')}`, e('e6')].join('\n');
    for (const type of ['application/x-ndjson', 'application/json', undefined]) {
      const items = parseEventBody(text, type);
      expect(items).toHaveLength(5);
      expect(items[0]).toEqual({ value: { id: 'e1' }, line: 1 });
      expect(items.slice(1, 4).map((i) => ('parseError' in i ? i.line : 'parsed'))).toEqual([2, 3, 4]);
      expect(items.slice(1, 4).map((i) => ('parseError' in i ? i.rawId : null))).toEqual(['e2', 'e3', 'e4']);
      expect(items[4]).toEqual({ value: { id: 'e6' }, line: 5 });
    }
  });

  it('400 with a clear message when there is no body at all (no content type, or multipart)', () => {
    expect(() => parseEventBody(undefined, undefined)).toThrow(/body: missing/);
  });

  it('recognises NDJSON sent without its content type', () => {
    expect(parseEventBody('{"id":"a"}\n{"id":"b"}\n', undefined)).toHaveLength(2);
    expect(parseEventBody('{"id":"a"}\n{"id":"b"}\n', 'application/json')).toHaveLength(2);
  });

  it.each([
    ['not JSON at all', 'hello world', 'application/json'],
    ['empty', '   ', 'application/json'],
    ['NDJSON with no JSON line', 'one\ntwo\n', 'application/x-ndjson'],
    ['a number', '42', 'application/json'],
    ['events that is not an array', '{"events": {"id": "a"}}', 'application/json'],
  ])('400 for %s', (_name, text, type) => {
    expect(() => parseEventBody(text, type)).toThrow(BodyFormatError);
  });

  it('413 for more than 10,000 events, in JSON and NDJSON', () => {
    const n = MAX_EVENTS_PER_REQUEST + 1;
    expect(() => parseEventBody(JSON.stringify(Array.from({ length: n }, () => ({}))), 'application/json')).toThrow(BodyTooLargeError);
    expect(() => parseEventBody('{}\n'.repeat(n), 'application/x-ndjson')).toThrow(/at most 10000/);
    expect(parseEventBody('{}\n'.repeat(n - 1), 'application/x-ndjson')).toHaveLength(n - 1);
  });
});
