import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

/** TypeORM options: migrations run at start-up; the schema is never synchronised from entities. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    // Failed queries surface as exceptions (logged by Nest without their parameters, which hold
    // customer data and can be 10,000 events long).
    logging: false,
    // Sessions in UTC so that interval arithmetic never shifts with a server's local DST.
    // jit off: the metric queries look costly to the planner, and compiling them took longer than
    // running them. work_mem 64MB: the exact percentiles sort in memory instead of spilling to
    // disk (4MB, the default, holds ~170k values). Figures in the #3 note / bench/results.
    // connectionTimeoutMillis: while the database is down, a request waits at most this long for a
    // connection and then answers 503, instead of hanging (pg's default is to wait forever).
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, options: '-c timezone=UTC -c jit=off -c work_mem=64MB' },
  };
}
