// How a helpdesk export becomes contract events. A mapping is JSON (see docs/IMPORT.md); the
// presets in presets/ are mappings too, except the ServiceNow audit log, whose state machine is code.
import { isValidTimeZone } from '../stats/time-range';
import { aiPatternProblem, aiPatternTest } from './ai-pattern';
import type { CsvRecord } from './csv-reader';

export type ContractEvent = { id: string; type: string; ticketId: string; occurredAt: string } & Record<string, unknown>;

export interface RowOutcome {
  row: number;
  line: number;
  events: ContractEvent[];
  /** Why the row was rejected; unset when it was imported (possibly producing no event). */
  reason?: string;
}

export interface Mapper {
  push(rec: CsvRecord): RowOutcome[];
  flush(): RowOutcome[];
}

/** A value: a column of the row, or a constant. */
export type ValueSpec = string | { column: string } | { value: string };

export interface AiRule {
  /** Agent or group ids that are AI. */
  ids?: string[];
  /** A regular expression (case-insensitive) matched against the agent id. */
  pattern?: string;
}

export interface TimeSpec {
  column: string;
  /** Tokens YYYY M MM D DD H HH mm ss SSS, or 'auto'. */
  format?: string;
  /** IANA zone of local times; default UTC. */
  timeZone?: string;
}

export interface TicketFields {
  channel: ValueSpec;
  category?: ValueSpec;
  customerId?: ValueSpec;
  language?: ValueSpec;
}

/**
 * Whether the source's times are handle time. None of the supported exports records handle time:
 * by default an import marks its tickets so (docs/IMPORT.md), and handle-time figures and costs
 * leave them out; 'elapsed' prices elapsed time as handle time, by choice (an upper bound).
 */
export type HandleTimeRule = 'unrecorded' | 'elapsed';

export interface EventLogMapping {
  kind: 'event-log';
  handleTime?: HandleTimeRule;
  /** Prefix of ticket and event ids, so two sources never collide. */
  source: string;
  caseId: string;
  timestamp: TimeSpec;
  activity: string;
  agent?: string;
  /** Activity name -> what it means. Unlisted activities produce no event. */
  activities: Record<string, 'assigned' | 'resolved' | 'closed' | 'escalation' | 'reopened' | 'message'>;
  ticket: TicketFields;
  ai?: AiRule;
}

export interface TicketTableMapping {
  kind: 'ticket-table';
  handleTime?: HandleTimeRule;
  source: string;
  ticketId: string;
  /** Creation time; with several columns, the earliest present one. */
  createdAt: TimeSpec | { columns: string[]; format?: string; timeZone?: string };
  firstResponseAt?: string;
  resolvedAt?: string;
  /** A ticket is resolved when this column has one of these values (default: when resolvedAt is present). */
  resolvedWhen?: { column: string; values: string[] };
  csat?: string;
  agent?: string;
  ticket: TicketFields;
  ai?: AiRule;
}

export interface ServiceNowMapping {
  kind: 'servicenow-incident';
  handleTime?: HandleTimeRule;
  source: string;
  timeZone?: string;
  ai?: AiRule;
}

export type Mapping = EventLogMapping | TicketTableMapping | ServiceNowMapping;

/** Values exports use for "missing". */
export function missing(v: string | undefined): boolean {
  return v === undefined || v.trim() === '' || v.trim() === '?' || /^(null|n\/a|na)$/i.test(v.trim());
}

export function valueOf(spec: ValueSpec | undefined, rec: Record<string, string>): string | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === 'string') return missing(rec[spec]) ? undefined : rec[spec].trim();
  if ('value' in spec) return spec.value;
  return missing(rec[spec.column]) ? undefined : rec[spec.column].trim();
}

/** The ticket.created fields a mapping takes from a row (channel lower-cased, 'unknown' when absent). */
export function ticketFields(t: TicketFields, rec: Record<string, string>): Record<string, unknown> {
  const fields: Record<string, unknown> = { channel: (valueOf(t.channel, rec) ?? 'unknown').toLowerCase() };
  for (const k of ['category', 'customerId', 'language'] as const) {
    const v = valueOf(t[k], rec);
    if (v) fields[k] = v;
  }
  return fields;
}

/**
 * Event ids derived from content (kind and time, numbered when repeated), so that re-importing,
 * even a re-export in another order, yields the same ids. `time` may adjust the stored time.
 */
export function eventEmitter(ticketId: string, time: (iso: string) => string = (iso) => iso) {
  const seen = new Map<string, number>();
  return (out: RowOutcome, kind: string, type: string, iso: string, extra: Record<string, unknown> = {}) => {
    const key = `${kind}@${iso}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    out.events.push({ id: `${ticketId}:${key}${n > 1 ? `#${n}` : ''}`, type, ticketId, occurredAt: time(iso), ...extra });
  };
}

export function aiMatcher(rule: AiRule | undefined): (agent: string | undefined) => boolean {
  const ids = new Set(rule?.ids ?? []);
  const matches = rule?.pattern ? aiPatternTest(rule.pattern) : null;
  return (agent) => agent !== undefined && (ids.has(agent) || (matches !== null && matches(agent)));
}

/** Columns a mapping reads, to say early when a file does not have them. */
export function requiredColumns(m: Mapping): string[] {
  const cols = (s: ValueSpec | undefined) => (s && typeof s === 'object' && 'column' in s ? [s.column] : typeof s === 'string' ? [s] : []);
  const ticket = (t: TicketFields) => [...cols(t.channel), ...cols(t.category), ...cols(t.customerId), ...cols(t.language)];
  if (m.kind === 'event-log') return [m.caseId, m.timestamp.column, m.activity, ...(m.agent ? [m.agent] : []), ...ticket(m.ticket)];
  if (m.kind === 'ticket-table') {
    const created = 'columns' in m.createdAt ? m.createdAt.columns : [m.createdAt.column];
    return [m.ticketId, ...created, ...[m.firstResponseAt, m.resolvedAt, m.csat, m.agent, m.resolvedWhen?.column].filter((c): c is string => !!c), ...ticket(m.ticket)];
  }
  return ['number', 'incident_state', 'sys_mod_count', 'opened_at', 'sys_updated_at', 'contact_type', 'category', 'caller_id', 'assigned_to', 'reopen_count', 'resolved_by', 'resolved_at'];
}

const ACTIVITY_MEANINGS = ['assigned', 'resolved', 'closed', 'escalation', 'reopened', 'message'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A value: a column name, {column} or {value}; a problem at `at`, or none. */
function valueSpecProblem(v: unknown, at: string): string[] {
  if (typeof v === 'string') return [];
  if (isObject(v) && typeof v.column === 'string') return [];
  if (isObject(v) && typeof v.value === 'string') return [];
  return [`${at}: must be a column name, {"column": "..."} or {"value": "..."}`];
}

function timeSpecProblems(v: unknown, at: string, several: boolean): string[] {
  if (!isObject(v)) return [`${at}: must be {"column": "..."}${several ? ' or {"columns": [...]}' : ''}`];
  const p: string[] = [];
  if (several && 'columns' in v) {
    if (!isStringList(v.columns) || v.columns.length === 0) p.push(`${at}.columns: must be a list of column names`);
  } else if (typeof v.column !== 'string') p.push(`${at}.column: must name a column`);
  if (v.format !== undefined && typeof v.format !== 'string') p.push(`${at}.format: must be a format such as "YYYY-MM-DD HH:mm:ss", or "auto"`);
  // A format is a few tokens; a long one compiled into a pattern too large to run on every row.
  else if (typeof v.format === 'string' && v.format.length > 64) p.push(`${at}.format: at most 64 characters, got ${v.format.length} (a format such as "YYYY-MM-DD HH:mm:ss")`);
  if (v.timeZone !== undefined && (typeof v.timeZone !== 'string' || !isValidTimeZone(v.timeZone))) p.push(`${at}.timeZone: must be an IANA zone such as UTC or Europe/Stockholm`);
  return p;
}

function ticketProblems(t: unknown): string[] {
  if (!isObject(t) || !('channel' in t)) return ['ticket.channel: required (a column, or {"value": "email"} when the export has none)'];
  const p = valueSpecProblem(t.channel, 'ticket.channel');
  for (const f of ['category', 'customerId', 'language']) if (t[f] !== undefined) p.push(...valueSpecProblem(t[f], `ticket.${f}`));
  return p;
}

function aiProblems(ai: unknown): string[] {
  if (ai === undefined) return [];
  if (!isObject(ai)) return ['ai: must be {"ids": [...]} and/or {"pattern": "..."}'];
  const p: string[] = [];
  if (ai.ids !== undefined && !isStringList(ai.ids)) p.push('ai.ids: must be a list of agent or group ids (strings)');
  if (ai.pattern !== undefined) {
    if (typeof ai.pattern !== 'string' || ai.pattern.length > 500) p.push('ai.pattern: must be a regular expression of at most 500 characters');
    else {
      const problem = aiPatternProblem(ai.pattern);
      if (problem) p.push(`ai.pattern: ${problem}`);
    }
  }
  return p;
}

/** Validates a mapping read from JSON; returns the problems (empty when it is usable), each at its field. */
export function mappingProblems(m: unknown): string[] {
  if (!isObject(m)) return ['mapping: must be a JSON object'];
  const o = m;
  const p: string[] = [];
  if (!['event-log', 'ticket-table', 'servicenow-incident'].includes(o.kind as string)) p.push('kind: must be event-log, ticket-table or servicenow-incident');
  if (typeof o.source !== 'string' || !/^[A-Za-z0-9_-]{1,32}$/.test(o.source)) p.push('source: must be 1-32 letters, digits, _ or - (it prefixes every id)');
  const column = (f: string, required: boolean) => {
    if (o[f] === undefined ? required : typeof o[f] !== 'string') p.push(`${f}: must name a column`);
  };
  if (o.kind === 'event-log') {
    column('caseId', true);
    column('activity', true);
    column('agent', false);
    p.push(...timeSpecProblems(o.timestamp, 'timestamp', false));
    if (!isObject(o.activities) || Object.values(o.activities).some((v) => !ACTIVITY_MEANINGS.includes(v as string))) {
      p.push(`activities: must map activity names to ${ACTIVITY_MEANINGS.join(', ')}`);
    }
  }
  if (o.kind === 'ticket-table') {
    column('ticketId', true);
    for (const f of ['firstResponseAt', 'resolvedAt', 'csat', 'agent']) column(f, false);
    p.push(...timeSpecProblems(o.createdAt, 'createdAt', true));
    const rw = o.resolvedWhen;
    if (rw !== undefined && (!isObject(rw) || typeof rw.column !== 'string' || !isStringList(rw.values))) p.push('resolvedWhen: must be {"column": "...", "values": [...]}');
  }
  if (o.kind === 'servicenow-incident' && o.timeZone !== undefined && (typeof o.timeZone !== 'string' || !isValidTimeZone(o.timeZone))) {
    p.push('timeZone: must be an IANA zone such as UTC or Europe/Stockholm');
  }
  if (o.kind === 'event-log' || o.kind === 'ticket-table') p.push(...ticketProblems(o.ticket));
  if (o.handleTime !== undefined && o.handleTime !== 'unrecorded' && o.handleTime !== 'elapsed') p.push('handleTime: unrecorded (the default) or elapsed');
  p.push(...aiProblems(o.ai));
  return p;
}
