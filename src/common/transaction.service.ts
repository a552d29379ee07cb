import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Runs a unit of work in one database transaction: the one place transactions are opened. */
@Injectable()
export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  /** READ COMMITTED, Postgres's default: naming it would cost an extra round trip per transaction. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
