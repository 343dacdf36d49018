import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CreatedToken, TokenInfo, WhoAmI } from '../contract/api-types';
import type { AuthedRequest } from './auth.guard';
import { CreateTokenDto } from './create-token.dto';
import { RequireRole } from './roles.decorator';
import { TokensService } from './tokens.service';

@ApiTags('access')
@ApiBearerAuth()
@Controller('api/v1')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  /** Who the caller is: any valid token (the dashboard's sign-in check). */
  @Get('me')
  @RequireRole('any')
  me(@Req() req: AuthedRequest): WhoAmI {
    return { role: req.principal!.role, name: req.principal!.name };
  }

  @Post('tokens')
  @RequireRole('admin')
  create(@Body() dto: CreateTokenDto): Promise<CreatedToken> {
    return this.tokens.create(dto.name, dto.role);
  }

  @Get('tokens')
  @RequireRole('admin')
  list(): Promise<TokenInfo[]> {
    return this.tokens.list();
  }

  @Delete('tokens/:id')
  @RequireRole('admin')
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<TokenInfo> {
    return this.tokens.revoke(id);
  }
}
