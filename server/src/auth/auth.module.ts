import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { TokensController } from './tokens.controller';
import { TokensService } from './tokens.service';

/** Tokens and the global guard that checks them on every route (CONTRACT §4). */
@Module({ controllers: [TokensController], providers: [TokensService, { provide: APP_GUARD, useClass: AuthGuard }] })
export class AuthModule {}
