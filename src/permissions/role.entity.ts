import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'roles' })
export class RoleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** NULL for the built-in roles shared by every account. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column('text') name: string;
  @Column('text', { array: true, default: () => "'{}'" }) permissions: string[];
  @Column({ name: 'built_in', type: 'boolean', default: false }) builtIn: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
