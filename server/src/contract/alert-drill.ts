// The tickets behind an alert: the predicates of GET /api/v1/tickets its drill-down adds (the
// tickets that make the rate bad, not every ticket of its n), and the words the dashboard's link
// says them in. One table, so the link never names other tickets than it opens. Not in index.ts.
import type { AlertMetric } from './admin-types';

export const ALERT_DRILL: Record<AlertMetric, { predicates: Record<string, string>; label: string }> = {
  csatTop2Box: { predicates: { resolved: 'true', hasCsat: 'true', csatMax: '3' }, label: 'The tickets rated 1-3' },
  repeatContactRate: { predicates: { resolved: 'true', repeatContact: 'true' }, label: 'The tickets that came back' },
  reopenRate: { predicates: { resolved: 'true', reopened: 'true' }, label: 'The reopened tickets' },
  // The series' own path is escalated: the escalated tickets.
  escalationRate: { predicates: {}, label: 'The escalated tickets' },
  aiResolutionRate: { predicates: { path: 'escalated' }, label: 'The escalated tickets' },
  handleTime: { predicates: { resolved: 'true', sort: 'handleSeconds', order: 'desc' }, label: 'The tickets, longest handle time first' },
};
