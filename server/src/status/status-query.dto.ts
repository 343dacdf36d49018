import { WaitParam } from '../common/wait-param';

export class StatusQueryDto {
  @WaitParam()
  wait?: string;
}
