import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { TokenRole } from '../contract/api-types';
import { PUBLIC_KEY, ROLE_KEY } from './roles.decorator';
import { Principal, TokensService } from './tokens.service';

export interface AuthedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** CONTRACT.md §4: every route needs a bearer token of the right role, unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
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
    if (needed !== 'any' && principal.role !== 'admin' && principal.role !== needed) {
      throw new ForbiddenException(`a ${principal.role} token cannot do this: it needs the ${needed} or admin role`);
    }
    req.principal = principal;
    return true;
  }
}
