import { CanActivate, ExecutionContext, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { TokenRole } from '../contract/api-types';
import { requestContext } from '../telemetry/request-context';
import { DEFAULT_SLUG, Workspace } from '../workspaces/workspace-context';
import { addressedSlug } from '../workspaces/workspace-url';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { NO_WORKSPACE_KEY, PUBLIC_KEY, ROLE_KEY, WORKSPACE_PARAM_KEY } from './roles.decorator';
import { Principal, TokensService } from './tokens.service';

export interface AuthedRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  raw?: object;
  principal?: Principal;
}

/**
 * CONTRACT.md §4: every route needs a bearer token of the right role, unless marked @Public().
 * Then the workspace (docs/WORKSPACES.md): the one the URL names (the default one without a
 * slug), which the token must belong to unless it is an instance admin's. A workspace the token
 * may not see is a 404, worded as for one that does not exist: its existence is not revealed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly workspaces: WorkspacesService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const needed = this.reflector.getAllAndOverride<TokenRole | 'any' | undefined>(ROLE_KEY, targets) ?? 'admin';

    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('missing token: send Authorization: Bearer <token>');
    const principal = await this.tokens.authenticate(match[1]);
    if (!principal) throw new UnauthorizedException('unknown or revoked token');
    req.principal = principal;
    if (!this.reflector.getAllAndOverride<boolean>(NO_WORKSPACE_KEY, targets)) {
      const fromParam = this.reflector.getAllAndOverride<boolean>(WORKSPACE_PARAM_KEY, targets);
      const slug = fromParam ? (req.params?.slug ?? null) : req.raw ? addressedSlug(req.raw) : null;
      const ws = await this.workspaceFor(principal, slug);
      const store = requestContext.getStore();
      if (!store) throw new Error('no request context: http/request-hooks.ts did not run');
      store.workspace = ws;
    }
    if (needed !== 'any' && principal.role !== 'admin' && principal.role !== needed) {
      throw new ForbiddenException(`a ${principal.role} token cannot do this: it needs the ${needed} or admin role`);
    }
    return true;
  }

  private async workspaceFor(principal: Principal, slug: string | null): Promise<Workspace> {
    const ws = await this.workspaces.bySlug(slug ?? DEFAULT_SLUG);
    if (ws && (principal.workspaceId === null || principal.workspaceId === ws.id)) return ws;
    if (slug === null && principal.workspaceId !== null) {
      // A route without a slug is the default workspace's; this token's is another (its own, so naming it reveals nothing).
      const own = await this.workspaces.byId(principal.workspaceId);
      throw new NotFoundException(`this token belongs to workspace "${own?.slug ?? '?'}": use /api/v1/workspaces/${own?.slug ?? '<slug>'}/...`);
    }
    throw new NotFoundException(`workspace "${slug}" not found`);
  }
}
