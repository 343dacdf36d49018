import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Validate } from 'class-validator';
import { WaitParam } from '../common/wait-param';
import { IsRfc3339 } from '../common/validators';

export class TicketDetailQueryDto {
  @ApiPropertyOptional({ description: 'Moment of judgment for pending/verified; default now' })
  @IsOptional()
  @Validate(IsRfc3339)
  asOf?: string;

  @WaitParam()
  wait?: string;
}
