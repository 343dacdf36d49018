import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { CreatedToken, TokenInfo, TokenRole, WhoAmI } from '../contract/api-types';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { ApiTokenEntity } from './api-token.entity';
import { generateToken, hashToken, sameSecret } from './token-secret';
import { wsId } from '../workspaces/workspace-context';

export interface Principal {
  role: TokenRole;
  name: string;
  tokenId: string | null;
  /** The token's workspace; null for an instance admin (ADMIN_TOKEN), who may use every workspace. */
  workspaceId: number | null;
}

const LAST_USED_EVERY_MS = 60_000;

function toInfo(e: ApiTokenEntity): TokenInfo {
  return {
    id: e.id,
    name: e.name,
    role: e.role,
    createdAt: e.createdAt.toISOString(),
    revokedAt: e.revokedAt?.toISOString() ?? null,
    lastUsedAt: e.lastUsedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class TokensService {
  /** When each token's last_used_at was last written, to keep that write off every request. */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspacesService,
  ) {}

  private get repo() {
    return this.ds.getRepository(ApiTokenEntity);
  }

  /** The principal a bearer token stands for, or null when it is unknown or revoked. */
  async authenticate(token: string): Promise<Principal | null> {
    if (this.config.adminToken && sameSecret(token, this.config.adminToken)) {
      return { role: 'admin', name: 'ADMIN_TOKEN', tokenId: null, workspaceId: null };
    }
    const found = await this.repo.findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
    if (!found) return null;
    const now = Date.now();
    if ((this.touched.get(found.id) ?? 0) + LAST_USED_EVERY_MS < now) {
      this.touched.set(found.id, now);
      await this.repo.update({ id: found.id }, { lastUsedAt: new Date(now) });
    }
    return { role: found.role, name: found.name, tokenId: found.id, workspaceId: found.workspaceId };
  }

  async whoAmI(p: Principal): Promise<WhoAmI> {
    const ws = p.workspaceId === null ? null : await this.workspaces.byId(p.workspaceId);
    return { role: p.role, name: p.name, workspace: ws?.slug ?? null };
  }

  async create(name: string, role: TokenRole): Promise<CreatedToken> {
    const token = generateToken();
    const saved = await this.repo.save(this.repo.create({ name, role, tokenHash: hashToken(token), workspaceId: wsId() }));
    return { ...toInfo(await this.repo.findOneByOrFail({ id: saved.id })), token };
  }

  async list(): Promise<TokenInfo[]> {
    return (await this.repo.find({ where: { workspaceId: wsId() }, order: { createdAt: 'ASC' } })).map(toInfo);
  }

  async revoke(id: string): Promise<TokenInfo> {
    const found = await this.repo.findOneBy({ id, workspaceId: wsId() });
    if (!found) throw new NotFoundException(`token ${id} does not exist`);
    if (!found.revokedAt) await this.repo.update({ id }, { revokedAt: new Date() });
    return toInfo(await this.repo.findOneByOrFail({ id }));
  }
}
