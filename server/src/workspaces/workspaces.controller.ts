import { Body, Controller, ForbiddenException, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { NoWorkspace, RequireRole, WorkspaceParam } from '../auth/roles.decorator';
import type { WorkspaceInfo } from '../contract';
import { contractList, contractRef } from '../http/api-docs';
import { currentWorkspace } from './workspace-context';
import { CreateWorkspaceDto, UpdateWorkspaceDto } from './workspace.dto';
import { WorkspacesService } from './workspaces.service';

@ApiTags('workspaces')
@ApiBearerAuth()
@Controller('api/v1/workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get()
  @ApiOkResponse({ description: 'The workspaces this token may use: every one for an instance admin, else its own', schema: contractList('WorkspaceInfo') })
  @RequireRole('any')
  @NoWorkspace()
  list(@Req() req: AuthedRequest): Promise<WorkspaceInfo[]> {
    return this.workspaces.list(req.principal!.workspaceId);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The new workspace (instance admin only)', schema: contractRef('WorkspaceInfo') })
  @RequireRole('admin')
  @NoWorkspace()
  create(@Body() dto: CreateWorkspaceDto, @Req() req: AuthedRequest): Promise<WorkspaceInfo> {
    if (req.principal!.workspaceId !== null) throw new ForbiddenException('only an instance admin (ADMIN_TOKEN) creates workspaces');
    return this.workspaces.create(dto, req.principal!.name);
  }

  @Get(':slug')
  @ApiOkResponse({ description: 'The workspace', schema: contractRef('WorkspaceInfo') })
  @RequireRole('any')
  @WorkspaceParam()
  get(@Param('slug') _slug: string): Promise<WorkspaceInfo> {
    return this.workspaces.info(currentWorkspace());
  }

  @Patch(':slug')
  @ApiOkResponse({ description: 'The workspace, changed (its admin)', schema: contractRef('WorkspaceInfo') })
  @RequireRole('admin')
  @WorkspaceParam()
  update(@Param('slug') _slug: string, @Body() dto: UpdateWorkspaceDto): Promise<WorkspaceInfo> {
    return this.workspaces.update(currentWorkspace(), dto);
  }
}
