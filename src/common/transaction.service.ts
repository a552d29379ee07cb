import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from './uuid.js';

export interface TransactionOptions {
  /**
   * Plan the transaction's named (prepared) statements once and reuse the plan (plan_cache_mode =
   * force_generic_plan, set with the BEGIN in the same round trip): for a statement whose planning
   * costs more than running it, and whose plan does not depend on its parameters' values.
   */
  genericPlans?: boolean;
  /**
   * Statements without parameters sent with the BEGIN, in the same round trip; their rows, one list
   * per statement, are the work's second argument.
   */
  first?: string[];
}

/** A statement's literal for a UUID, for `first` (which takes no parameters): refused unless it is one. */
export function uuidLiteral(value: string): string {
  if (!isUuid(value)) throw new Error('not a UUID');
  return `'${value}'::uuid`;
}

interface SimpleQueryable {
  query(text: string): Promise<{ rows: unknown[] }[]>;
}

/** Runs a unit of work in one database transaction: the one place transactions are opened. */
@Injectable()
export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  /** READ COMMITTED, Postgres's default: naming it would cost an extra round trip per transaction. */
  async run<T>(work: (manager: EntityManager, first: unknown[][]) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const first = options.first ?? [];
    if (!options.genericPlans && first.length === 0) return this.dataSource.transaction((manager) => work(manager, []));
    const opening = ['BEGIN', ...(options.genericPlans ? ['SET LOCAL plan_cache_mode = force_generic_plan'] : [])];
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as SimpleQueryable;
    try {
      // One simple query: the BEGIN, the transaction's own setting and the `first` statements (several
      // statements come back as one result each).
      const results = await client.query([...opening, ...first].join('; '));
      const result = await work(runner.manager, results.slice(opening.length).map((r) => r.rows));
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
