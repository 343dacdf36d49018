// Workspaces: who may see which, creating and changing them, and the cache every request resolves
// its workspace from (a miss reloads it, so a workspace made on another server is found at once).
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { CreateWorkspace, UpdateWorkspace, WorkspaceAlertFloors, WorkspaceInfo } from '../contract';
import { DEFAULT_SLUG, DEFAULT_WORKSPACE_ID, Workspace } from './workspace-context';
import { WorkspaceRow, WorkspacesRepository } from './workspaces.repository';
import { literalTargetProblem } from '../common/webhook-address';

/** How long the cached list is trusted before a request reloads it (changes on this server reload at once). */
const CACHE_MS = 5_000;

const floorsFromApi = (f: WorkspaceAlertFloors): AppConfig['alertFloors'] => ({
  ratePoints: f.ratePoints / 100,
  handleRatio: 1 + f.handlePercent / 100,
  handleSeconds: f.handleSeconds,
});

const floorsToApi = (f: AppConfig['alertFloors']): WorkspaceAlertFloors => ({
  ratePoints: Math.round(f.ratePoints * 1e6) / 1e4,
  handlePercent: Math.round((f.handleRatio - 1) * 1e6) / 1e4,
  handleSeconds: f.handleSeconds,
});

/** Hears about new workspaces and changed time zones (the projector builds their rollup zones). */
@Injectable()
export class WorkspaceChanges {
  private readonly listeners: (() => void)[] = [];
  subscribe(l: () => void): void {
    this.listeners.push(l);
  }
  notify(): void {
    for (const l of this.listeners) l();
  }
}

@Injectable()
export class WorkspacesService {
  private cache: { at: number; list: Workspace[] } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly repo: WorkspacesRepository,
    private readonly changes: WorkspaceChanges,
  ) {}

  private toWorkspace(r: WorkspaceRow): Workspace {
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      timeZone: r.time_zone ?? this.config.reportingTimeZone,
      ownTimeZone: r.time_zone !== null,
      alertFloors: r.alert_floors ? floorsFromApi(r.alert_floors) : null,
      alertWebhookUrl: r.alert_webhook_url,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }

  async all(reload = false): Promise<Workspace[]> {
    if (reload || !this.cache || Date.now() - this.cache.at > CACHE_MS) {
      this.cache = { at: Date.now(), list: (await this.repo.all(this.ds.manager)).map((r) => this.toWorkspace(r)) };
    }
    return this.cache.list;
  }

  /** A miss reloads the list (a workspace made on another server), at most once a second. */
  private async find(match: (w: Workspace) => boolean): Promise<Workspace | null> {
    const hit = (await this.all()).find(match);
    if (hit || (this.cache && Date.now() - this.cache.at < 1000)) return hit ?? null;
    return (await this.all(true)).find(match) ?? null;
  }

  async bySlug(slug: string): Promise<Workspace | null> {
    return this.find((w) => w.slug === slug);
  }

  async byId(id: number): Promise<Workspace | null> {
    return this.find((w) => w.id === id);
  }

  async defaultWorkspace(): Promise<Workspace> {
    const ws = await this.bySlug(DEFAULT_SLUG);
    if (!ws) throw new Error('the default workspace is missing: the migrations did not run');
    return ws;
  }

  /** The workspaces a token may see: every one for an instance admin, else its own. */
  async list(principalWorkspace: number | null): Promise<WorkspaceInfo[]> {
    const list = (await this.all(true)).filter((w) => principalWorkspace === null || w.id === principalWorkspace);
    return this.infos(list);
  }

  async info(ws: Workspace): Promise<WorkspaceInfo> {
    const fresh = (await this.byId(ws.id)) ?? ws;
    return (await this.infos([fresh]))[0];
  }

  private async infos(list: Workspace[]): Promise<WorkspaceInfo[]> {
    const [withData, currencies] = await Promise.all([this.repo.withData(this.ds.manager), this.repo.currencies(this.ds.manager)]);
    return list.map((w) => ({
      slug: w.slug,
      name: w.name,
      timeZone: w.timeZone,
      ownTimeZone: w.ownTimeZone,
      currency: currencies.get(w.id) ?? 'USD',
      alertFloors: w.alertFloors ? floorsToApi(w.alertFloors) : null,
      // Whether one is set, never the URL (Slack's carry a token).
      alertWebhook: w.alertWebhookUrl !== null ? 'own' : w.id === DEFAULT_WORKSPACE_ID && this.config.alertWebhookUrl !== null ? 'instance' : 'none',
      hasData: withData.has(w.id),
      createdAt: w.createdAt,
    }));
  }

  /** A webhook typed as a private or loopback address is refused at once (the rest when it is called). */
  private checkWebhook(url: string | null | undefined): void {
    const problem = url && !this.config.allowPrivateWebhooks ? literalTargetProblem(url) : null;
    if (problem) throw new BadRequestException([`alertWebhookUrl: ${problem}`]);
  }

  async create(input: CreateWorkspace, by: string): Promise<WorkspaceInfo> {
    this.checkWebhook(input.alertWebhookUrl);
    const row = await this.ds.transaction(async (m) => {
      const r = await this.repo.insert(m, { slug: input.slug, name: input.name, timeZone: input.timeZone ?? null, alertFloors: input.alertFloors ?? null, alertWebhookUrl: input.alertWebhookUrl ?? null });
      if (!r) throw new ConflictException(`slug: a workspace "${input.slug}" already exists`);
      await this.repo.insertCostModel(m, r.id, input.currency ?? 'USD', by);
      return r;
    });
    await this.all(true);
    this.changes.notify();
    return this.info(this.toWorkspace(row));
  }

  /** The workspace with this slug, made (empty, default settings) when it does not exist yet. */
  async ensure(slug: string, name: string, by: string): Promise<Workspace> {
    const found = await this.bySlug(slug);
    if (found) return found;
    try {
      await this.create({ slug, name }, by);
    } catch (e) {
      if (!(e instanceof ConflictException)) throw e; // made meanwhile by another process
    }
    const made = await this.bySlug(slug);
    if (!made) throw new NotFoundException(`workspace "${slug}" could not be created`);
    return made;
  }

  async update(ws: Workspace, change: UpdateWorkspace): Promise<WorkspaceInfo> {
    this.checkWebhook(change.alertWebhookUrl);
    await this.repo.update(this.ds.manager, ws.id, change);
    await this.all(true);
    if (change.timeZone !== undefined) this.changes.notify();
    return this.info(ws);
  }
}
