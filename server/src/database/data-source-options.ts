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
    extra: { max: poolSize, options: '-c timezone=UTC' },
  };
}
