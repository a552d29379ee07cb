import { Injectable, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Actor } from '../common/actor.js';
import { KeysetCursor } from '../common/keyset-cursor.js';
import { AuditQueryService, AuditWhere, KeysetRow, mapAuditRow } from './audit-query.service.js';
import { csvCell } from './csv-cell.js';
import { AuditExportQueryDto, ExportFormat } from './dto/audit-export.dto.js';

/** Rows per query: bounds memory whatever the size of the export. */
const EXPORT_BATCH = 1000;

/** The CSV columns: header name and cell, in one list so the two can't drift apart. */
const CSV_COLUMNS: [string, (r: KeysetRow) => unknown][] = [
  ['id', (r) => r.id],
  ['occurredAt', (r) => r.cursor_at],
  ['action', (r) => r.action],
  ['outcome', (r) => r.outcome],
  ['accountId', (r) => r.account_id],
  ['actorUserId', (r) => r.actor_user_id],
  ['actorSessionId', (r) => r.actor_session_id],
  ['actorLabel', (r) => r.actor_label],
  ['targetUserId', (r) => r.target_user_id],
  ['targetLabel', (r) => r.target_label],
  ['sessionCount', (r) => r.session_count],
  ['sessionIds', (r) => r.session_ids.join(' ')],
  ['surface', (r) => r.surface],
  ['ip', (r) => r.ip],
  ['userAgent', (r) => r.user_agent],
  ['requestId', (r) => r.request_id],
  ['reason', (r) => r.reason],
  ['ticket', (r) => r.ticket],
  ['dryRun', (r) => r.dry_run],
  ['details', (r) => JSON.stringify(r.details)],
];
const CSV_HEADER = `${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`;

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson' };

/**
 * Streams the filtered audit trail (newest first, like the list) as CSV or NDJSON: keyset batches
 * are written as the client reads them, so memory stays flat however many events match.
 */
@Injectable()
export class AuditExportService {
  constructor(private readonly query: AuditQueryService) {}

  async export(actor: Actor, q: AuditExportQueryDto): Promise<StreamableFile> {
    const { format, ...filter } = q;
    // Permissions and filters are checked before the first byte, so a refusal is a proper error response.
    const where = await this.query.where(actor, filter);
    // So is the first batch read: a query stopped by AUDIT_QUERY_TIMEOUT_MS is a 503, not a cut download.
    const first = await this.query.keysetPage(where, null, EXPORT_BATCH);
    const stream = Readable.from(this.lines(where, format, first), { objectMode: false, highWaterMark: 1 });
    return new StreamableFile(stream, { type: CONTENT_TYPES[format], disposition: `attachment; filename="audit-events.${format}"` });
  }

  private async *lines(where: AuditWhere, format: ExportFormat, first: KeysetRow[]): AsyncGenerator<string> {
    if (format === 'csv') yield CSV_HEADER;
    let cursor: KeysetCursor | null = null;
    for (;;) {
      const rows: KeysetRow[] = cursor ? await this.query.keysetPage(where, cursor, EXPORT_BATCH) : first;
      if (rows.length === 0) return;
      yield rows.map(format === 'csv' ? csvLine : ndjsonLine).join('');
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1];
      cursor = { at: last.cursor_at, id: String(last.id) };
    }
  }
}

function ndjsonLine(row: KeysetRow): string {
  return `${JSON.stringify(mapAuditRow(row))}\n`;
}

function csvLine(r: KeysetRow): string {
  return `${CSV_COLUMNS.map(([, cell]) => csvCell(cell(r))).join(',')}\r\n`;
}
