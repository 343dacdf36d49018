import { SetMetadata } from '@nestjs/common';
import type { TokenRole } from '../contract/api-types';

export const ROLE_KEY = 'claimcheck:role';
export const PUBLIC_KEY = 'claimcheck:public';

/** The role a route needs ('any': every valid token); admin may do everything. */
export const RequireRole = (role: TokenRole | 'any') => SetMetadata(ROLE_KEY, role);
/** Open route: no token needed (health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const NO_WORKSPACE_KEY = 'claimcheck:no-workspace';
export const WORKSPACE_PARAM_KEY = 'claimcheck:workspace-param';
/** An instance-level route (the list of workspaces, who am I): no workspace is resolved for it. */
export const NoWorkspace = () => SetMetadata(NO_WORKSPACE_KEY, true);
/** The workspace is the route's `:slug` parameter (GET/PATCH /api/v1/workspaces/:slug). */
export const WorkspaceParam = () => SetMetadata(WORKSPACE_PARAM_KEY, true);
