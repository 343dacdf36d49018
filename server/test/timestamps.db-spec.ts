// The in-memory replay of new tickets uses timestampMicros(); it must agree with what PostgreSQL
// stores for the same text, to the microsecond.
import { Client } from 'pg';
import { timestampMicros } from '../src/events/event-validation';

const SAMPLES = [
  '2026-01-05T10:00:00Z',
  '2026-01-05t13:50:53-05:00',
  '2026-03-29T01:59:59.999999+01:00',
  '2026-10-25T02:30:00.5+02:00',
  '1999-12-31T23:59:59.000001Z',
  '2028-02-29T12:00:00.123+14:00',
  '0099-03-01T00:00:00Z',
  '2026-06-30T23:59:59-12:00',
];

describe('timestampMicros agrees with PostgreSQL', () => {
  it.each(SAMPLES)('%s', async (s) => {
    const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT (extract(epoch FROM $1::timestamptz) * 1000000)::int8::text AS us`, [s.toUpperCase()]);
      expect(timestampMicros(s)).toBe(Number(rows[0].us));
    } finally {
      await c.end();
    }
  });
});
