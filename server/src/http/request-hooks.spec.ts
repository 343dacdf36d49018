import { parameterProblems } from './request-hooks';

describe('parameterProblems', () => {
  it.each([
    ['clean', { from: '2026-01-01', channel: ['chat', 'email'] }, { id: 'T-1' }, []],
    ['a NUL in a query value', { channel: 'a\u0000b' }, {}, ['channel: contains a NUL character (\\u0000), which cannot be stored']],
    ['a NUL in one of a repeated parameter', { channel: ['ok', '\u0000'] }, {}, ['channel: contains a NUL character (\\u0000), which cannot be stored']],
    ['a lone surrogate in a path parameter', {}, { id: 'a\ud800' }, [expect.stringMatching(/^id \(in the path\): contains a lone UTF-16 surrogate/)]],
    ['a NUL in a parameter name', { 'x\u0000': '1' }, {}, [expect.stringMatching(/^x\?: a query parameter name that contains a NUL/)]],
    ['two bad parameters: both named', { a: '\u0000', b: '\ud800' }, {}, [expect.stringMatching(/^a: /), expect.stringMatching(/^b: /)]],
  ])('%s', (_n, query, params, want) => {
    expect(parameterProblems(query, params)).toEqual(want);
  });
});
