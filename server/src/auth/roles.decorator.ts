import { SetMetadata } from '@nestjs/common';
import type { TokenRole } from '../contract/api-types';

export const ROLE_KEY = 'claimcheck:role';
export const PUBLIC_KEY = 'claimcheck:public';

/** The role a route needs ('any': every valid token); admin may do everything. */
export const RequireRole = (role: TokenRole | 'any') => SetMetadata(ROLE_KEY, role);
/** Open route: no token needed (health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
