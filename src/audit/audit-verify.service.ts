import { Injectable } from '@nestjs/common';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { validationFailed } from '../common/validation.pipe.js';
import { AppConfigService } from '../config/app-config.service.js';
import { AuditQueryService } from './audit-query.service.js';
import { ChainReader, checkpointFindings, CheckpointInput, jwksFromDatabase, NO_ACCOUNT_KEY, verifyChains } from './chain-verify.js';
import { latestCheckpointFiles } from './checkpoint-claims.js';
import { AuditVerifyQueryDto, AuditVerifyResultDto } from './dto/audit-verify.dto.js';


const invalid = (field: string, problem: string) => validationFailed([{ field, problems: [problem] }]);

/**
 * Recomputes the hash chains of an account, or those of the events of no account (see migrations
 * 1700000000000 and 1700000001610: each account's events form several chains, "stripes", so that
 * its writers don't queue on one head), and compares them with signed checkpoints when given. The
 * work itself is chain-verify.ts, which the offline CLI runs too.
 */
@Injectable()
export class AuditVerifyService {
  private readonly dir: string | undefined;

  constructor(
    private readonly query: AuditQueryService,
    config: AppConfigService,
  ) {
    this.dir = config.get('AUDIT_CHECKPOINT_DIR');
  }

  async verify(actor: Actor, q: AuditVerifyQueryDto): Promise<AuditVerifyResultDto> {
    if (q.accountId !== undefined && q.account !== undefined) throw invalid('account', '`account` is an alias of `accountId`; send one of them');
    const given = [q.checkpoint, q.checkpointId, q.checkpoints].filter((v) => v !== undefined).length;
    if (given > 1) throw invalid('checkpoint', 'send one of `checkpoint`, `checkpointId` and `checkpoints`');
    if (given && (q.from || q.to)) throw invalid('checkpoint', 'a checkpoint is checked against its whole chain: not with `from` or `to`');
    if (q.checkpoints === 'directory' && !this.dir) throw invalid('checkpoints', 'no directory sink is configured (AUDIT_CHECKPOINT_DIR)');

    const where = await this.query.where(actor, { accountId: q.accountId ?? q.account, from: q.from, to: q.to }, 'audit:verify');
    const read = this.reader();
    const chain = await verifyChains(read, where.accountId, { from: q.from, to: q.to });
    const result: AuditVerifyResultDto = { ...chain, from: q.from ?? null, to: q.to ?? null };
    if (!given) return result;

    const inputs = await this.inputs(read, q, where.accountId);
    const jwks = await jwksFromDatabase(read);
    // A checkpoint the caller sent that the service did not sign (or of another chain) is a bad request.
    const findings = await checkpointFindings(read, where.accountId, inputs, jwks, (message) => invalid('checkpoint', message));
    result.checkpoints = findings;
    result.ok = chain.ok && findings.every((f) => f.status === 'matches');
    return result;
  }

  private async inputs(read: ChainReader, q: AuditVerifyQueryDto, accountId: string | null): Promise<CheckpointInput[]> {
    if (q.checkpoint) return [{ jws: q.checkpoint, file: null }];
    if (q.checkpointId) {
      const rows = await read<{ jws: string; chain_key: string }>(`SELECT jws, chain_key FROM audit_checkpoints WHERE id = $1`, [q.checkpointId]);
      // Another chain's checkpoint by id is answered like a missing one (ids are not evidence the caller holds).
      if (!rows[0] || rows[0].chain_key !== (accountId ?? NO_ACCOUNT_KEY)) throw notFound('Audit checkpoint');
      return [{ jws: rows[0].jws, file: null }];
    }
    return (await latestCheckpointFiles(this.dir as string, accountId)).map((f) => ({ jws: f.jws, file: f }));
  }

  /** Statements in the service's bounded audit read, at UTC (the hashed documents' time zone). */
  private reader(): ChainReader {
    return <T>(sql: string, params: unknown[]) =>
      this.query.read(async (m) => {
        await m.query(`SET LOCAL timezone = 'UTC'`);
        return (await m.query(sql, params)) as T[];
      });
  }
}
