import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lets the service run as a role that does not own the schema (see src/database/service-role.ts,
 * which grants that role its rights after every migration run):
 *
 * - the chain trigger and partition creation run with the owner's rights (SECURITY DEFINER), so the
 *   service role needs no right on the chain heads and no ownership of audit_events;
 * - a new monthly partition gets exactly the grants of audit_events (never the UPDATE or DELETE that
 *   default privileges would give it);
 * - retention removes events only through audit_retention_prune(), owned by the owner: it drops or
 *   empties a partition only when it is older than the retention the owner set (audit_retention_policy,
 *   which the service role may read and not change) and never touches an account under legal hold;
 * - the legal hold changes only through account_set_legal_hold(), which writes its audit event itself.
 *
 * Every SECURITY DEFINER function pins its search_path to the schema it was created in (then pg_temp),
 * so no object the caller creates can stand in for one it uses.
 */
export class LeastPrivilegeRoles1700000009000 implements MigrationInterface {
  name = 'LeastPrivilegeRoles1700000009000';

  async up(q: QueryRunner): Promise<void> {
    const schema = await currentSchema(q);
    const path = `SET search_path = ${quoteIdent(schema)}, pg_temp`;

    await q.query(`
      CREATE TABLE audit_retention_policy (
        singleton boolean NOT NULL DEFAULT true,
        -- events older than this many days may be removed (0: never)
        retention_days integer NOT NULL DEFAULT 400,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_audit_retention_policy PRIMARY KEY (singleton),
        CONSTRAINT ck_audit_retention_policy_singleton CHECK (singleton),
        CONSTRAINT ck_audit_retention_policy_days CHECK (retention_days >= 0)
      )`);
    await q.query(`INSERT INTO audit_retention_policy DEFAULT VALUES`);

    await q.query(`ALTER FUNCTION audit_events_chain() SECURITY DEFINER ${path}`);

    // A partition's own grants count when it is named directly: make them the parent's, no more.
    await q.query(`
      CREATE FUNCTION audit_mirror_grants(part regclass) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER ${path} AS $$
      DECLARE
        g record;
      BEGIN
        FOR g IN SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = part AND a.grantee <> c.relowner LOOP
          EXECUTE format('REVOKE ALL ON TABLE %s FROM %s', part, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE g.grantee::regrole::text END);
        END LOOP;
        FOR g IN SELECT a.grantee, a.privilege_type FROM pg_class c, aclexplode(c.relacl) a
                  WHERE c.oid = 'audit_events'::regclass AND a.grantee <> c.relowner LOOP
          EXECUTE format('GRANT %s ON TABLE %s TO %s', g.privilege_type, part, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE g.grantee::regrole::text END);
        END LOOP;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_mirror_grants(regclass) FROM PUBLIC`);

    await q.query(`
      CREATE OR REPLACE FUNCTION audit_ensure_partition(month_start date) RETURNS text
      LANGUAGE plpgsql SECURITY DEFINER ${path} AS $$
      DECLARE
        start_at date := date_trunc('month', month_start)::date;
        part text := format('audit_events_%s', to_char(start_at, 'YYYYMM'));
      BEGIN
        IF to_regclass(part) IS NULL THEN
          EXECUTE format('CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
                         part, start_at::timestamptz, (start_at + interval '1 month')::timestamptz);
          PERFORM audit_mirror_grants(part::regclass);
        END IF;
        RETURN part;
      END $$`);

    // Removes what retention may remove from one partition of audit_events, and nothing else:
    // a monthly partition entirely older than the policy's cutoff is dropped, or (when an account under
    // legal hold has events there) emptied of the other accounts' events; the default partition loses
    // the events older than the cutoff outside legal hold. Each chain's newest removed event is kept as
    // its anchor first, so verify can start from the oldest kept one.
    await q.query(`
      CREATE FUNCTION audit_retention_prune(part text) RETURNS jsonb
      LANGUAGE plpgsql SECURITY DEFINER ${path} AS $$
      DECLARE
        days integer := (SELECT retention_days FROM audit_retention_policy);
        cutoff timestamptz;
        rel regclass := to_regclass(part);
        bound text;
        upper_bound timestamptz;
        scope text;
        held boolean;
        n integer;
      BEGIN
        IF coalesce(days, 0) = 0 THEN
          RETURN jsonb_build_object('partition', part, 'outcome', 'retention off');
        END IF;
        cutoff := now() - make_interval(days => days);
        PERFORM pg_advisory_xact_lock(hashtext('audit_events.retention'));
        IF rel IS NULL THEN
          RETURN jsonb_build_object('partition', part, 'outcome', 'gone');
        END IF;
        SELECT pg_get_expr(c.relpartbound, c.oid) INTO bound
          FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid
         WHERE c.oid = rel AND i.inhparent = 'audit_events'::regclass;
        IF NOT FOUND THEN
          RAISE EXCEPTION '% is not a partition of audit_events', part USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF bound = 'DEFAULT' THEN
          scope := format('occurred_at < %L::timestamptz', cutoff);
        ELSE
          upper_bound := (regexp_match(bound, 'TO \\(''([^'']+)''\\)'))[1]::timestamptz;
          IF upper_bound IS NULL OR upper_bound > cutoff THEN
            RETURN jsonb_build_object('partition', part, 'outcome', 'not expired');
          END IF;
          scope := 'true';
        END IF;
        scope := scope || ' AND (account_id IS NULL OR account_id NOT IN (SELECT id FROM accounts WHERE legal_hold))';
        EXECUTE format(
          'INSERT INTO audit_chain_anchors (chain_key, stripe, last_seq, last_hash)
           SELECT DISTINCT ON (k, stripe) k, stripe, chain_seq, hash FROM (
             SELECT coalesce(account_id, %L::uuid) AS k, coalesce(chain_stripe, 0) AS stripe, chain_seq, hash FROM %s WHERE %s) r
            ORDER BY k, stripe, chain_seq DESC
           ON CONFLICT (chain_key, stripe) DO UPDATE SET
             last_hash = CASE WHEN excluded.last_seq > audit_chain_anchors.last_seq THEN excluded.last_hash ELSE audit_chain_anchors.last_hash END,
             last_seq = GREATEST(excluded.last_seq, audit_chain_anchors.last_seq),
             updated_at = now()',
          '00000000-0000-0000-0000-000000000000', rel, scope);
        IF bound <> 'DEFAULT' THEN
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE account_id IN (SELECT id FROM accounts WHERE legal_hold))', rel) INTO held;
          IF NOT held THEN
            EXECUTE format('SELECT count(*)::int FROM %s', rel) INTO n;
            EXECUTE format('ALTER TABLE audit_events DETACH PARTITION %s', rel);
            EXECUTE format('DROP TABLE %s', rel);
            RETURN jsonb_build_object('partition', part, 'outcome', 'dropped', 'rows', n);
          END IF;
        END IF;
        -- the append-only trigger lets this transaction delete
        PERFORM set_config('audit.retention', 'on', true);
        EXECUTE format('WITH d AS (DELETE FROM %s WHERE %s RETURNING 1) SELECT count(*)::int FROM d', rel, scope) INTO n;
        PERFORM set_config('audit.retention', '', true);
        RETURN jsonb_build_object('partition', part, 'outcome', CASE WHEN bound = 'DEFAULT' THEN 'deleted' ELSE 'held' END, 'rows', n);
      END $$`);
    // The legal hold keeps events from retention: the service role cannot change it but through this,
    // which writes the change's audit event itself, so no hold is set or lifted off the record.
    await q.query(`
      CREATE FUNCTION account_set_legal_hold(account uuid, hold boolean, actor_user_id uuid, actor_session_id uuid, actor_label text,
                                             surface text, ip text, user_agent text, request_id text, extra_details jsonb)
      RETURNS TABLE (was boolean, event_id bigint)
      LANGUAGE plpgsql SECURITY DEFINER ${path} AS $$
      DECLARE
        before boolean;
        id bigint;
      BEGIN
        -- the lock retention takes: a hold set while it runs applies to all it has not yet removed
        PERFORM pg_advisory_xact_lock(hashtext('audit_events.retention'));
        SELECT a.legal_hold INTO before FROM accounts a WHERE a.id = account FOR UPDATE;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        UPDATE accounts a SET legal_hold = hold WHERE a.id = account;
        INSERT INTO audit_events (action, account_id, actor_user_id, actor_session_id, actor_label, surface, ip, user_agent, request_id, reason, details)
        VALUES ('account.updated', account, actor_user_id, actor_session_id, actor_label, surface, ip, user_agent, request_id,
                CASE WHEN hold THEN 'legal hold set' ELSE 'legal hold lifted' END,
                jsonb_build_object('legalHold', jsonb_build_object('from', before, 'to', hold)) || coalesce(extra_details, '{}'::jsonb))
        RETURNING audit_events.id INTO id;
        RETURN QUERY SELECT before, id;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION account_set_legal_hold(uuid, boolean, uuid, uuid, text, text, text, text, text, jsonb) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION audit_retention_prune(text) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION audit_ensure_partition(date) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION audit_events_chain() FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS account_set_legal_hold(uuid, boolean, uuid, uuid, text, text, text, text, text, jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS audit_retention_prune(text)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_ensure_partition(month_start date) RETURNS text
      LANGUAGE plpgsql SECURITY INVOKER AS $$
      DECLARE
        start_at date := date_trunc('month', month_start)::date;
        part text := format('audit_events_%s', to_char(start_at, 'YYYYMM'));
      BEGIN
        IF to_regclass(part) IS NULL THEN
          EXECUTE format('CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
                         part, start_at::timestamptz, (start_at + interval '1 month')::timestamptz);
        END IF;
        RETURN part;
      END $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_ensure_partition(date) TO PUBLIC`);
    await q.query(`DROP FUNCTION IF EXISTS audit_mirror_grants(regclass)`);
    await q.query(`ALTER FUNCTION audit_events_chain() SECURITY INVOKER RESET search_path`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_events_chain() TO PUBLIC`);
    await q.query(`DROP TABLE IF EXISTS audit_retention_policy`);
  }
}

async function currentSchema(q: QueryRunner): Promise<string> {
  const rows: { schema: string }[] = await q.query(`SELECT current_schema() AS schema`);
  return rows[0].schema;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
