// What a read needs to plan: the zones that have rollups, the days still to build, and the keys.
import { EntityManager } from 'typeorm';
import { KeyRow } from './key-scope';
import { RollupState } from './read-plan';
import { wsId } from '../../workspaces/workspace-context';

/**
 * @param unbuilt also find which days waiting to be built a load marked and nothing has built yet
 * (no day cell): what a read that does not wait may leave out. Not a new zone's or a migration's.
 */
export async function rollupStateQuery(m: EntityManager, unbuilt = false): Promise<RollupState> {
  const ws = wsId();
  const zones: { zone: string }[] = await m.query(`SELECT zone FROM rollup_zones WHERE workspace_id = $1`, [ws]);
  const group = (rows: { zone: string; d: string }[]) => {
    const byZone = new Map<string, Set<string>>();
    for (const r of rows) (byZone.get(r.zone) ?? byZone.set(r.zone, new Set()).get(r.zone)!).add(r.d);
    return byZone;
  };
  const days: { zone: string; d: string; unbuilt: boolean }[] = await m.query(
    unbuilt
      ? `SELECT p.zone, p.day::text AS d,
                p.by_load AND NOT EXISTS (SELECT 1 FROM rollup_cells c WHERE c.workspace_id = p.workspace_id AND c.zone = p.zone AND c.span = 'd' AND c.period = p.day) AS unbuilt
           FROM rollup_pending p WHERE p.workspace_id = $1`
      : `SELECT zone, day::text AS d, false AS unbuilt FROM rollup_pending WHERE workspace_id = $1`,
    [ws],
  );
  const pending = group(days);
  const stale = group(await m.query(`SELECT zone, month::text AS d FROM rollup_stale WHERE workspace_id = $1`, [ws]));
  return { zones: new Set(zones.map((z) => z.zone)), pending, stale, unbuilt: group(days.filter((x) => x.unbuilt)) };
}

export async function keysQuery(m: EntityManager): Promise<KeyRow[]> {
  return m.query(`SELECT key_id, channel, category, language FROM measure_keys WHERE workspace_id = $1`, [wsId()]);
}

/**
 * Each range's version: the sum of the versions of the UTC days its instants touch
 * (rollup_versions, bumped by the projector for every UTC day whose tickets a batch changed).
 */
export async function rangeVersionsQuery(m: EntityManager, ranges: readonly { from: Date; to: Date; grp: string }[]): Promise<Map<string, string>> {
  const rows: { grp: string; version: string }[] = await m.query(
    `SELECT r.grp, coalesce(sum(v.version), 0)::text AS version
       FROM unnest($2::timestamptz[], $3::timestamptz[], $4::text[]) AS r(lo, hi, grp)
       LEFT JOIN rollup_versions v ON v.workspace_id = $1 AND v.day >= (r.lo AT TIME ZONE 'UTC')::date
                                  AND v.day <= ((r.hi - interval '1 microsecond') AT TIME ZONE 'UTC')::date
      GROUP BY r.grp`,
    [wsId(), ranges.map((r) => r.from), ranges.map((r) => r.to), ranges.map((r) => r.grp)],
  );
  return new Map(rows.map((r) => [r.grp, r.version]));
}
