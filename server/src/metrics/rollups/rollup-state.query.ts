// What a read needs to plan: the zones that have rollups, the days still to build, and the keys.
import { EntityManager } from 'typeorm';
import { KeyRow } from './key-scope';
import { RollupState } from './read-plan';

export async function rollupStateQuery(m: EntityManager): Promise<RollupState> {
  const zones: { zone: string }[] = await m.query(`SELECT zone FROM rollup_zones`);
  const pending: { zone: string; day: string }[] = await m.query(`SELECT zone, day::text FROM rollup_pending`);
  const byZone = new Map<string, Set<string>>();
  for (const p of pending) (byZone.get(p.zone) ?? byZone.set(p.zone, new Set()).get(p.zone)!).add(p.day);
  return { zones: new Set(zones.map((z) => z.zone)), pending: byZone };
}

export async function keysQuery(m: EntityManager): Promise<KeyRow[]> {
  return m.query(`SELECT key_id, channel, category, language FROM measure_keys`);
}
