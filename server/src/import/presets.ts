import helpdeskItalian from './presets/helpdesk-italian.json';
import kaggleTickets from './presets/kaggle-tickets.json';
import uciIncident from './presets/uci-incident.json';
import { EventLogMapper } from './event-log.mapper';
import { EventLogMapping, Mapper, Mapping, ServiceNowMapping, TicketTableMapping } from './mapping';
import { ServiceNowMapper } from './servicenow.mapper';
import { TicketTableMapper } from './ticket-table.mapper';

/** The presets for the three public logs in shared/datasets (docs/IMPORT.md explains each). */
export const PRESETS: Record<string, Mapping> = {
  'uci-incident': uciIncident as ServiceNowMapping,
  'helpdesk-italian': helpdeskItalian as EventLogMapping,
  'kaggle-tickets': kaggleTickets as TicketTableMapping,
};

export function mapperFor(m: Mapping): Mapper {
  if (m.kind === 'event-log') return new EventLogMapper(m);
  if (m.kind === 'ticket-table') return new TicketTableMapper(m);
  return new ServiceNowMapper(m);
}
