import { Global, Module } from '@nestjs/common';
import { WorkspacesController } from './workspaces.controller';
import { WorkspaceChanges, WorkspacesService } from './workspaces.service';
import { WorkspacesRepository } from './workspaces.repository';

/** Workspaces: global, since every request resolves one (the auth guard) and background work runs per workspace. */
@Global()
@Module({ controllers: [WorkspacesController], providers: [WorkspacesService, WorkspacesRepository, WorkspaceChanges], exports: [WorkspacesService, WorkspaceChanges] })
export class WorkspacesModule {}
