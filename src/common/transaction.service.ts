import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface TransactionOptions {
  /**
   * Plan the transaction's named (prepared) statements once and reuse the plan (plan_cache_mode =
   * force_generic_plan, set with the BEGIN in the same round trip): for a statement whose planning
   * costs more than running it, and whose plan does not depend on its parameters' values.
   */
  genericPlans?: boolean;
}

/** Runs a unit of work in one database transaction: the one place transactions are opened. */
@Injectable()
export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  /** READ COMMITTED, Postgres's default: naming it would cost an extra round trip per transaction. */
  async run<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (!options.genericPlans) return this.dataSource.transaction(work);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One simple query, two statements: the BEGIN and the transaction's own setting.
      await runner.query('BEGIN; SET LOCAL plan_cache_mode = force_generic_plan');
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
