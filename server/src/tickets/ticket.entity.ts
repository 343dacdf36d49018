import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ticket's replayed state (CONTRACT.md §2); written by TicketsRepository, read by the metrics queries. */
@Entity('tickets')
export class TicketEntity {
  @PrimaryColumn('text') id!: string;
  @Column('timestamptz', { name: 'created_at', nullable: true }) createdAt!: Date | null;
  @Column('text', { nullable: true }) channel!: string | null;
  @Column('text', { nullable: true }) category!: string | null;
  @Column('text', { name: 'customer_id', nullable: true }) customerId!: string | null;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('text') path!: string;
  @Column('boolean', { name: 'ai_involved' }) aiInvolved!: boolean;
  @Column('boolean', { name: 'human_involved' }) humanInvolved!: boolean;
  @Column('boolean') resolved!: boolean;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('text', { name: 'resolved_by', nullable: true }) resolvedBy!: string | null;
  @Column('boolean') reopened!: boolean;
  @Column('smallint', { nullable: true }) csat!: number | null;
  @Column('float8', { name: 'ai_seconds' }) aiSeconds!: number;
  @Column('float8', { name: 'human_seconds' }) humanSeconds!: number;
  @Column('float8', { name: 'first_response_seconds', nullable: true }) firstResponseSeconds!: number | null;
  @Column('boolean', { name: 'repeat_contact' }) repeatContact!: boolean;
  @Column('int', { name: 'event_count' }) eventCount!: number;
  @Column('timestamptz', { name: 'last_event_at' }) lastEventAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
