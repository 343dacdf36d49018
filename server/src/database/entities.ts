import { ApiTokenEntity } from '../auth/api-token.entity';
import { CostModelVersionEntity } from '../cost-model/cost-model-version.entity';
import { TicketEventEntity } from '../events/ticket-event.entity';
import { TicketEntity } from '../tickets/ticket.entity';

export const ENTITIES = [TicketEventEntity, TicketEntity, ApiTokenEntity, CostModelVersionEntity];
