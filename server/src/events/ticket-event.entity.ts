import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One event as received (CONTRACT.md §1); the id is the idempotency key. */
@Entity('ticket_events')
export class TicketEventEntity {
  @PrimaryColumn('text') id!: string;
  @Index() @Column('text', { name: 'ticket_id' }) ticketId!: string;
  @Column('text') type!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('text', { nullable: true }) channel!: string | null;
  @Column('text', { nullable: true }) category!: string | null;
  @Column('text', { name: 'customer_id', nullable: true }) customerId!: string | null;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('text', { name: 'agent_type', nullable: true }) agentType!: string | null;
  @Column('text', { name: 'agent_id', nullable: true }) agentId!: string | null;
  @Column('float8', { name: 'handle_seconds', nullable: true }) handleSeconds!: number | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('smallint', { nullable: true }) score!: number | null;
  @Column('text', { name: 'author_type', nullable: true }) authorType!: string | null;
  @Column('jsonb', { nullable: true }) extra!: Record<string, unknown> | null;
}
