// The workspace a command-line tool works in (--workspace <slug>, default "default"): made when it
// does not exist yet, since whoever runs the CLI holds the database itself.
import { INestApplicationContext } from '@nestjs/common';
import { SLUG_PATTERN } from './workspace.dto';
import { DEFAULT_SLUG, Workspace } from './workspace-context';
import { WorkspacesService } from './workspaces.service';

export function workspaceArg(value: unknown): string {
  const slug = value === undefined ? DEFAULT_SLUG : String(value);
  if (!SLUG_PATTERN.test(slug)) throw new Error(`--workspace: 1 to 40 lower-case letters, digits or dashes, got "${slug}"`);
  return slug;
}

export async function cliWorkspace(app: INestApplicationContext, slug: string, log: (m: string) => void): Promise<Workspace> {
  const service = app.get(WorkspacesService);
  const found = await service.bySlug(slug);
  if (found) return found;
  const made = await service.ensure(slug, slug, 'command line');
  log(`Workspace "${slug}" did not exist: created it (rename it with PATCH /api/v1/workspaces/${slug})`);
  return made;
}
