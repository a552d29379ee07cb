import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** A statement Postgres parses and plans once per connection, then only binds and executes. */
export interface PreparedStatement {
  /** Unique per SQL text: a connection keeps one prepared statement per name. */
  readonly name: string;
  readonly text: string;
}

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a prepared statement on the manager's connection (inside its transaction) or, given the data
 * source, on any pooled connection. TypeORM sends every query unnamed, so Postgres parses and plans
 * it each time; on the login path that was about a third of the database time. Errors come back as
 * TypeORM's QueryFailedError, like every other query's.
 */
export async function preparedQuery<T>(on: EntityManager | DataSource, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const dataSource = on instanceof DataSource ? on : on.connection;
  const runner = on instanceof DataSource ? undefined : (on.queryRunner as unknown as { connect(): Promise<PgQueryable> } | undefined);
  const target = runner ? await runner.connect() : (dataSource.driver as unknown as { master: PgQueryable }).master;
  try {
    const result = await target.query({ name: statement.name, text: statement.text, values });
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(statement.text, values, error as Error);
  }
}
