import { IsIn } from 'class-validator';
import { AuditFilterDto } from './audit-event.dto.js';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class AuditExportQueryDto extends AuditFilterDto {
  /** csv (RFC 4180, formula-safe) or ndjson (one AuditEvent JSON per line). */
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}
