import { firstInvalidUtf8 } from '../common/utf8';
import { bodyText } from './body-text';

describe('bodyText', () => {
  it('UTF-8 as it is; a body that is not UTF-8 is said, at its byte', () => {
    expect(bodyText(Buffer.from('{"id":"café"}'), 'application/json')).toEqual({ text: '{"id":"café"}' });
    // "caf" then 0xE9 (é in Latin-1), not UTF-8: byte 11 of {"id":"caf\xE9"}.
    const latin1 = Buffer.from([...Buffer.from('{"id":"caf'), 0xe9, ...Buffer.from('"}')]);
    expect(bodyText(latin1, 'application/json')).toEqual({ status: 400, problem: 'body: not valid UTF-8 at byte 10 (send UTF-8, or name the charset the body is in: Content-Type: application/json; charset=iso-8859-1)' });
    // Named, it is read in that charset: é and è stay two letters.
    expect(bodyText(latin1, 'application/json; charset=ISO-8859-1')).toEqual({ text: '{"id":"café"}' });
    expect(bodyText(Buffer.from([0x63, 0xe8]), 'text/plain; charset="latin1"')).toEqual({ text: 'cè' });
    expect(bodyText(Buffer.from('x'), 'application/json; charset=klingon')).toMatchObject({ status: 415 });
  });

  it.each([
    [[0x61, 0x62], -1],
    [[0x61, 0xc3, 0xa9], -1], // é
    [[0x61, 0xe9, 0x62], 1], // a lone Latin-1 byte
    [[0xc0, 0x80], 0], // an overlong NUL
    [[0xe0, 0x80, 0x80], 0], // an overlong three-byte form
    [[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate
    [[0x61, 0xf0, 0x9f, 0x98], 1], // an emoji cut short
    [[0xf0, 0x9f, 0x98, 0x80], -1], // 😀
  ])('firstInvalidUtf8(%j) = %d', (bytes, at) => expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at));
});
