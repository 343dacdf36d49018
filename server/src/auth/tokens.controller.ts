import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { contractList, contractRef } from '../http/api-docs';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CreatedToken, TokenInfo, WhoAmI } from '../contract/api-types';
import type { AuthedRequest } from './auth.guard';
import { CreateTokenDto } from './create-token.dto';
import { NoWorkspace, RequireRole } from './roles.decorator';
import { TokensService } from './tokens.service';

@ApiTags('access')
@ApiBearerAuth()
@Controller('api/v1')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  /** Who the caller is: any valid token (the dashboard's sign-in check). */
  @Get('me')
  @ApiOkResponse({ description: 'Who this token is', schema: contractRef('WhoAmI') })
  @RequireRole('any')
  @NoWorkspace()
  me(@Req() req: AuthedRequest): Promise<WhoAmI> {
    return this.tokens.whoAmI(req.principal!);
  }

  @Post('tokens')
  @ApiCreatedResponse({ description: 'The new token; its secret is shown this once', schema: contractRef('CreatedToken') })
  @RequireRole('admin')
  create(@Body() dto: CreateTokenDto): Promise<CreatedToken> {
    return this.tokens.create(dto.name, dto.role);
  }

  @Get('tokens')
  @ApiOkResponse({ description: 'Every token (never their secrets)', schema: contractList('TokenInfo') })
  @RequireRole('admin')
  list(): Promise<TokenInfo[]> {
    return this.tokens.list();
  }

  @Delete('tokens/:id')
  @ApiOkResponse({ description: 'The token, revoked', schema: contractRef('TokenInfo') })
  @RequireRole('admin')
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<TokenInfo> {
    return this.tokens.revoke(id);
  }
}
