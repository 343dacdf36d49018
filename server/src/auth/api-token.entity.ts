import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TokenRole } from '../contract/api-types';

/** An access token (CONTRACT.md §4). Only the SHA-256 of the secret is stored. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') role!: TokenRole;
  @Column('text', { name: 'token_hash', unique: true }) tokenHash!: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  /** The workspace the token belongs to (null: an instance admin's). */
  @Column('int', { name: 'workspace_id', nullable: true }) workspaceId!: number | null;
}
