export class AuditPartitionDropDto {
  /** Monthly partition, e.g. audit_events_202401. */
  partition: string;
  /** Events it held. */
  rows: number;
}

export class AuditRetentionResultDto {
  /** AUDIT_RETENTION_DAYS; 0 keeps events forever (nothing is removed). */
  retentionDays: number;
  /** Events older than this were removed (null when retention is off). */
  cutoff: Date | null;
  /** Partitions dropped whole: entirely older than the cutoff, no account under legal hold in them. */
  droppedPartitions: AuditPartitionDropDto[];
  /** Partitions older than the cutoff kept because an account under legal hold has events there; other accounts' events were deleted from them. */
  heldPartitions: string[];
  /** Events deleted row by row (held partitions and the default partition). */
  deletedRows: number;
  /** Partitions created ahead (this month and the next two) or already present. */
  ensuredPartitions: string[];
  ranAt: Date;
}
