import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** GET /metrics: open, unless METRICS_TOKEN is set; then only `Authorization: Bearer <it>`. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const want = this.config.metricsToken;
    if (want === null) return true;
    const header = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
    const got = Buffer.from(/^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '');
    const expected = Buffer.from(want);
    if (got.length === expected.length && timingSafeEqual(got, expected)) return true;
    throw new UnauthorizedException('metrics: send Authorization: Bearer <METRICS_TOKEN>');
  }
}
