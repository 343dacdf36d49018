import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a workspace's cost assumptions; its newest row is the current model. */
@Entity('cost_model_versions')
export class CostModelVersionEntity {
  @PrimaryColumn('int', { name: 'workspace_id' }) workspaceId!: number;
  /** Numbered 1, 2, … within the workspace. */
  @PrimaryColumn('int') version!: number;
  @Column('float8', { name: 'human_hourly_cost' }) humanHourlyCost!: number;
  @Column('float8', { name: 'ai_cost_per_conversation' }) aiCostPerConversation!: number;
  @Column('float8', { name: 'ai_cost_per_resolution' }) aiCostPerResolution!: number;
  @Column('float8', { name: 'fte_hours_per_month' }) fteHoursPerMonth!: number;
  @Column('float8', { name: 'fixed_cost_per_month' }) fixedCostPerMonth!: number;
  @Column('text') currency!: string;
  @Column('text', { name: 'changed_by' }) changedBy!: string;
  @Column('timestamptz', { name: 'changed_at', default: () => 'now()' }) changedAt!: Date;
}
