// For the command-line tools: wait until the projector has replayed what they loaded, with progress.
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProgressOut, progress } from '../common/progress';
import { queueStateQuery } from '../telemetry/queries/queue-state.query';
import { ProjectorService } from './projector.service';

/** Waits for the projector of `app` to finish, showing the work left (queued tickets, days to build). */
export async function drainProjection(app: INestApplicationContext, out?: ProgressOut): Promise<number> {
  const started = Date.now();
  const left = async () => (await queueStateQuery(app.get(DataSource))) as { pending: number; bulk: number };
  const first = await left();
  const total = first.pending + first.bulk;
  if (total === 0) return 0;
  const bar = progress('Projecting (tickets queued + days to build)', total, out);
  let seen = 0;
  const timer = setInterval(() => {
    void left().then((l) => {
      const done = Math.max(0, total - l.pending - l.bulk);
      bar.tick(done - seen);
      seen = done;
    });
  }, 500);
  await app.get(ProjectorService).drain();
  clearInterval(timer);
  bar.tick(total - seen);
  bar.done();
  return Date.now() - started;
}
