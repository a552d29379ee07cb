import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chains per account (and for the events of no account): enough for every pooled connection of a few instances. */
export const AUDIT_CHAIN_STRIPES = 16;

/**
 * Each account's audit trail becomes AUDIT_CHAIN_STRIPES hash chains ("stripes") instead of one, so
 * that concurrent writers of one account no longer queue on one head row: the chain trigger takes
 * the lowest stripe no other transaction holds (FOR UPDATE SKIP LOCKED), and a transaction keeps
 * the stripe it took for its later events (it never waits on a second one). Every stripe is a chain
 * as before — contiguous chain_seq, each prev_hash the previous event's hash — and verify checks
 * them all. The heads of an account's chains are its rows in audit_chain_heads, one per stripe.
 *
 * Events chained before this migration keep chain_stripe NULL (stripe 0, whose head continues the old
 * chain) and their digests: a NULL chain_stripe is left out of the hashed document, a set one is in.
 */
export class AuditChainStripes1700000001610 implements MigrationInterface {
  name = 'AuditChainStripes1700000001610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_chain_heads ADD COLUMN stripe smallint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE audit_chain_heads DROP CONSTRAINT pk_audit_chain_heads, ADD CONSTRAINT pk_audit_chain_heads PRIMARY KEY (chain_key, stripe)`);
    await q.query(`ALTER TABLE audit_chain_heads ADD CONSTRAINT ck_audit_chain_heads_stripe CHECK (stripe >= 0 AND stripe < ${AUDIT_CHAIN_STRIPES})`);
    await q.query(
      `INSERT INTO audit_chain_heads (chain_key, stripe) SELECT h.chain_key, g FROM audit_chain_heads h, generate_series(1, ${AUDIT_CHAIN_STRIPES - 1}) g ON CONFLICT DO NOTHING`,
    );
    await q.query(`ALTER TABLE audit_chain_anchors ADD COLUMN stripe smallint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE audit_chain_anchors DROP CONSTRAINT pk_audit_chain_anchors, ADD CONSTRAINT pk_audit_chain_anchors PRIMARY KEY (chain_key, stripe)`);

    await q.query(`ALTER TABLE audit_events ADD COLUMN chain_stripe smallint`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_chain`);
    await q.query(`CREATE INDEX ix_audit_events_chain ON audit_events (account_id, (coalesce(chain_stripe, 0)), chain_seq)`);

    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_digest(prev bytea, doc jsonb) RETURNS bytea
      LANGUAGE sql IMMUTABLE AS $$
        SELECT sha256(prev || convert_to((CASE WHEN doc->'chain_stripe' = 'null'::jsonb THEN doc - 'hash' - 'chain_stripe' ELSE doc - 'hash' END)::text, 'UTF8'))
      $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
      LANGUAGE plpgsql SET timezone = 'UTC' AS $$
      DECLARE
        k uuid := coalesce(NEW.account_id, '00000000-0000-0000-0000-000000000000'::uuid);
        held text := coalesce(current_setting('audit.chain_stripe', true), '');
        st smallint;
        s bigint;
        prev bytea;
      BEGIN
        IF held LIKE k::text || ':%' THEN
          -- this transaction holds a stripe of this chain already: keep to it
          st := split_part(held, ':', 2)::smallint;
          SELECT last_seq, last_hash INTO s, prev FROM audit_chain_heads WHERE chain_key = k AND stripe = st FOR UPDATE;
        ELSE
          SELECT stripe, last_seq, last_hash INTO st, s, prev FROM audit_chain_heads WHERE chain_key = k ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED;
          IF NOT FOUND AND (SELECT count(*) FROM audit_chain_heads WHERE chain_key = k) < ${AUDIT_CHAIN_STRIPES} THEN
            INSERT INTO audit_chain_heads (chain_key, stripe) SELECT k, g FROM generate_series(0, ${AUDIT_CHAIN_STRIPES - 1}) g ON CONFLICT DO NOTHING;
            SELECT stripe, last_seq, last_hash INTO st, s, prev FROM audit_chain_heads WHERE chain_key = k ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED;
          END IF;
          IF NOT FOUND THEN
            -- every stripe is held: wait for one (this transaction holds none of this chain, so no cycle)
            st := (txid_current() % ${AUDIT_CHAIN_STRIPES})::smallint;
            SELECT last_seq, last_hash INTO s, prev FROM audit_chain_heads WHERE chain_key = k AND stripe = st FOR UPDATE;
          END IF;
          PERFORM set_config('audit.chain_stripe', k::text || ':' || st, true);
        END IF;
        NEW.chain_stripe := st;
        NEW.chain_seq := s + 1;
        NEW.prev_hash := prev;
        NEW.hash := audit_event_digest(prev, to_jsonb(NEW));
        UPDATE audit_chain_heads SET last_seq = NEW.chain_seq, last_hash = NEW.hash WHERE chain_key = k AND stripe = st;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to one chain per account: only correct while no event was written to a stripe but 0.
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
      LANGUAGE plpgsql SET timezone = 'UTC' AS $$
      DECLARE
        k uuid := coalesce(NEW.account_id, '00000000-0000-0000-0000-000000000000'::uuid);
        s bigint;
        prev bytea;
      BEGIN
        UPDATE audit_chain_heads SET last_seq = last_seq + 1 WHERE chain_key = k RETURNING last_seq, last_hash INTO s, prev;
        IF NOT FOUND THEN
          INSERT INTO audit_chain_heads (chain_key) VALUES (k) ON CONFLICT DO NOTHING;
          UPDATE audit_chain_heads SET last_seq = last_seq + 1 WHERE chain_key = k RETURNING last_seq, last_hash INTO s, prev;
        END IF;
        NEW.chain_seq := s;
        NEW.prev_hash := prev;
        NEW.hash := audit_event_digest(prev, to_jsonb(NEW));
        UPDATE audit_chain_heads SET last_hash = NEW.hash WHERE chain_key = k;
        RETURN NEW;
      END $$`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_chain`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN IF EXISTS chain_stripe`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_digest(prev bytea, doc jsonb) RETURNS bytea
      LANGUAGE sql IMMUTABLE AS $$ SELECT sha256(prev || convert_to((doc - 'hash')::text, 'UTF8')) $$`);
    await q.query(`CREATE INDEX ix_audit_events_chain ON audit_events (account_id, chain_seq)`);
    await q.query(`DELETE FROM audit_chain_anchors WHERE stripe <> 0`);
    await q.query(`ALTER TABLE audit_chain_anchors DROP CONSTRAINT pk_audit_chain_anchors, ADD CONSTRAINT pk_audit_chain_anchors PRIMARY KEY (chain_key)`);
    await q.query(`ALTER TABLE audit_chain_anchors DROP COLUMN stripe`);
    await q.query(`DELETE FROM audit_chain_heads WHERE stripe <> 0`);
    await q.query(`ALTER TABLE audit_chain_heads DROP CONSTRAINT ck_audit_chain_heads_stripe`);
    await q.query(`ALTER TABLE audit_chain_heads DROP CONSTRAINT pk_audit_chain_heads, ADD CONSTRAINT pk_audit_chain_heads PRIMARY KEY (chain_key)`);
    await q.query(`ALTER TABLE audit_chain_heads DROP COLUMN stripe`);
  }
}
