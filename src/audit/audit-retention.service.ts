import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval, Timeout } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/actor.js';
import { AppConfigService } from '../config/app-config.service.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { AuditService } from './audit.service.js';
import { AuditRetentionResultDto } from './dto/audit-retention.dto.js';

const DAY_MS = 86_400_000;
/** How often the job runs; retention is counted in days, so a few runs a day are plenty. */
export const RETENTION_INTERVAL_MS = 6 * 3_600_000;
/** The first run, a minute after start (not at once: the service is still warming up). */
export const FIRST_RUN_DELAY_MS = 60_000;
/** The job's names in @nestjs/schedule's SchedulerRegistry. */
export const RETENTION_JOBS = { first: 'audit-retention-first-run', interval: 'audit-retention' } as const;
/** Partitions created ahead: this month and the next two. */
const MONTHS_AHEAD = 2;
const LOCK_NOT_AVAILABLE = '55P03';

/** What audit_retention_prune() did with one partition. */
interface PruneOutcome {
  outcome: 'dropped' | 'held' | 'deleted' | 'not expired' | 'gone' | 'retention off';
  rows?: number;
}

/**
 * The only thing that ever removes audit events. Monthly partitions entirely older than
 * AUDIT_RETENTION_DAYS are dropped whole, unless an account under legal hold has events there:
 * then only the other accounts' events are deleted. The removal itself is the owner's function
 * audit_retention_prune() (see the LeastPrivilegeRoles migration). It also creates partitions ahead of time.
 */
@Injectable()
export class AuditRetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditRetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensurePartitions();
  }

  /** The schedule (ScheduleModule starts it with the app and clears it on shutdown): a minute after start, then every six hours. */
  @Timeout(RETENTION_JOBS.first, FIRST_RUN_DELAY_MS)
  firstScheduledRun(): Promise<void> {
    return this.scheduledRun();
  }

  @Interval(RETENTION_JOBS.interval, RETENTION_INTERVAL_MS)
  async scheduledRun(): Promise<void> {
    // Tests run the job explicitly (POST /v1/audit/retention/run); a background run would race them.
    if (this.config.get('NODE_ENV') === 'test') return;
    await this.prune().catch((error: Error) => this.logger.error({ err: error.message }, 'audit retention failed'));
  }

  /** Runs the job now, for the system admin; the run is audited. */
  async run(actor: Actor): Promise<AuditRetentionResultDto> {
    await this.permissions.require(actor, PERMISSIONS.accountsManage, 'audit:retention');
    return this.prune(actor);
  }

  async prune(actor: Actor | null = null): Promise<AuditRetentionResultDto> {
    // The owner's policy (AUDIT_RETENTION_DAYS as of the last migration run as the owner), which the database enforces.
    const policy: { days: number }[] = await this.dataSource.query(`SELECT retention_days AS days FROM audit_retention_policy`);
    const retentionDays = policy[0].days;
    const ranAt = new Date();
    const result: AuditRetentionResultDto = {
      retentionDays,
      cutoff: retentionDays > 0 ? new Date(ranAt.getTime() - retentionDays * DAY_MS) : null,
      droppedPartitions: [],
      heldPartitions: [],
      deletedRows: 0,
      ensuredPartitions: await this.ensurePartitions(),
      ranAt,
    };
    if (result.cutoff) {
      for (const partition of await this.partitionsBefore(result.cutoff)) await this.prunePartition(partition, result);
      result.deletedRows += await this.pruneDefault();
    }
    const removed = result.droppedPartitions.reduce((n, p) => n + p.rows, 0) + result.deletedRows;
    if (actor || removed > 0) await this.recordRun(actor, result, removed);
    return result;
  }

  private async ensurePartitions(): Promise<string[]> {
    const names: string[] = [];
    for (let m = 0; m <= MONTHS_AHEAD; m++) {
      try {
        const rows: { name: string }[] = await this.dataSource.query(
          `SELECT audit_ensure_partition((date_trunc('month', now()) + make_interval(months => $1))::date) AS name`,
          [m],
        );
        names.push(rows[0].name);
      } catch (error) {
        // e.g. the default partition already holds rows of that month; events still land there
        this.logger.warn({ err: (error as Error).message, monthsAhead: m }, 'could not create audit partition');
      }
    }
    return names;
  }

  /** Monthly partitions whose upper bound is at or before the cutoff, oldest first. */
  private async partitionsBefore(cutoff: Date): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT name FROM (
         SELECT c.relname AS name,
                (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1]::timestamptz AS upper_bound
           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'audit_events'::regclass ) p
        WHERE upper_bound IS NOT NULL AND upper_bound <= $1 ORDER BY upper_bound`,
      [cutoff],
    );
    return rows.map((r) => r.name);
  }

  private async prunePartition(partition: string, result: AuditRetentionResultDto): Promise<void> {
    try {
      await this.prunePartitionNow(partition, result);
    } catch (error) {
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
      this.logger.warn({ partition }, 'audit partition busy; retention retries it on the next run');
    }
  }

  /**
   * One partition, in its own transaction, through audit_retention_prune(): the owner's function that
   * alone may drop or delete audit events (this service's role cannot), and only what the owner's
   * policy has expired outside legal hold.
   */
  private prunePartitionNow(partition: string, result: AuditRetentionResultDto): Promise<void> {
    return this.inRetentionTransaction(async (manager) => {
      const outcome = await this.pruneThroughOwner(manager, partition);
      if (outcome.outcome === 'dropped') result.droppedPartitions.push({ partition, rows: outcome.rows ?? 0 });
      if (outcome.outcome === 'held') {
        result.heldPartitions.push(partition);
        result.deletedRows += outcome.rows ?? 0;
      }
    });
  }

  private pruneDefault(): Promise<number> {
    return this.inRetentionTransaction(async (manager) => (await this.pruneThroughOwner(manager, 'audit_events_default')).rows ?? 0);
  }

  private async pruneThroughOwner(manager: EntityManager, partition: string): Promise<PruneOutcome> {
    const rows: { outcome: PruneOutcome }[] = await manager.query(`SELECT audit_retention_prune($1) AS outcome`, [partition]);
    return rows[0].outcome;
  }

  private inRetentionTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await this.audit.lockRetention(manager);
      // Detaching waits for an exclusive lock on audit_events, and writers queue behind it: give up rather than stall logins.
      await manager.query(`SET LOCAL lock_timeout = '5s'`);
      return work(manager);
    });
  }

  private async recordRun(actor: Actor | null, result: AuditRetentionResultDto, removed: number): Promise<void> {
    await this.audit.recordStandalone({
      action: 'audit.retention_run',
      accountId: actor?.accountId ?? null,
      actor,
      context: actor?.context ?? { requestId: `retention-${randomUUID()}`, ip: null, userAgent: null, surface: 'system' },
      details: {
        retentionDays: result.retentionDays,
        cutoff: result.cutoff,
        removed,
        droppedPartitions: result.droppedPartitions,
        heldPartitions: result.heldPartitions,
        deletedRows: result.deletedRows,
      },
    });
  }
}
