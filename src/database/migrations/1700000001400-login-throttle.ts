import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed-login counters shared by every surface and every instance (see LoginThrottleService): one
 * row per counted key (the account being guessed, or the client address) with its fixed window.
 * Expired rows are deleted by the service now and then; the index serves that sweep.
 */
export class LoginThrottle1700000001400 implements MigrationInterface {
  name = 'LoginThrottle1700000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        failures integer NOT NULL,
        CONSTRAINT pk_login_throttle PRIMARY KEY (key),
        CONSTRAINT ck_login_throttle_failures CHECK (failures >= 0)
      )`);
    await q.query(`CREATE INDEX ix_login_throttle_window ON login_throttle (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS login_throttle`);
  }
}
