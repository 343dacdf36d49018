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
    // A database that is down or hangs must give a 503, never a request that waits forever (pg's
    // defaults): at most 10 s for a connection, 120 s for any one statement's answer (a host that
    // stopped answering mid-query), keep-alive on idle sockets, and statements the server itself
    // cancels after 60 s (background jobs with longer statements raise it for their transaction).
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 10_000,
      query_timeout: 120_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      options: '-c timezone=UTC -c jit=off -c work_mem=64MB -c statement_timeout=60s',
    },
  };
}
