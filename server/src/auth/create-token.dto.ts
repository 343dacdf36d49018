import type { CreateTokenRequest } from '../contract';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { TOKEN_ROLES, TokenRole } from '../contract/api-types';

export class CreateTokenDto implements CreateTokenRequest {
  @ApiProperty({ example: 'zendesk sync' }) @IsString() @Length(1, 100, { message: 'name: must be 1 to 100 characters long' }) name!: string;
  @ApiProperty({ enum: TOKEN_ROLES }) @IsIn(TOKEN_ROLES, { message: `role: must be one of ${TOKEN_ROLES.join(', ')}` }) role!: TokenRole;
}
