import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, createTestDatabase, login, loginAdmin, startApp, urlOf } from '../support/test-app.js';
import { TEST_ADMIN } from '../test-env.js';
import { launchChromium, watchCspViolations } from './chromium.js';

/** The admin console's audit view (/admin/#/audit) in a real headless Chromium, against the real API. */
describe('audit admin page (browser)', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let browser: Browser;
  let adminToken: string;
  let adminUserId: string;

  const http = () => request(app.getHttpServer());

  /** A user with a realistic name and a couple of live sessions. */
  async function person(username: string, roles: string[] = ['user']) {
    const password = `${username}-password-long`;
    await http().post('/v1/users').set(bearer(adminToken)).send({ username, email: `${username}@example.com`, password, roles }).expect(201);
    const first = await login(app, username, password, { deviceName: 'MacBook Pro' });
    await login(app, username, password, { deviceName: 'iPhone 15' });
    return { username, password, userId: first.userId };
  }

  /** Every page of this suite reports its CSP violations here; there must be none (afterEach). */
  let violations: string[][] = [];
  async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const page = await (await browser.newContext(options)).newPage();
    violations.push(await watchCspViolations(page));
    return page;
  }
  afterEach(() => {
    const seen = violations.flat();
    violations = [];
    expect(seen).toEqual([]);
  });

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${urlOf(app)}/admin`); // redirected to /admin/
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#login-submit');
  }

  beforeAll(async () => {
    browser = await launchChromium();
    const url = await createTestDatabase();
    app = await startApp(url);
    db = new pg.Client({ connectionString: url });
    await db.connect();
    const admin = await loginAdmin(app);
    adminToken = admin.accessToken;
    adminUserId = admin.userId;
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await app?.close();
  });

  it('shows a forced logout (who, whom, why, surface, sessions) with a bar in the chart, and exports it as CSV', async () => {
    const dana = await person('dana.whitfield');
    const omar = await person('omar.haddad');
    const lena = await person('lena.kowalski');
    // history on earlier days, written as the service would (the chain trigger fills the hashes)
    const { rows } = await db.query(`SELECT id FROM accounts WHERE is_default`);
    for (const [daysAgo, target, reason, ticket, surface] of [
      [6, omar.userId, 'Password reset after phishing report', 'SOC-398', 'native'],
      [4, dana.userId, 'Device lost on business trip', 'IT-7731', 'rocketchat'],
      [4, lena.userId, 'Contract ended', 'HR-1180', 'native'],
      [2, omar.userId, 'Suspicious login from new country', 'SOC-407', 'zap'],
    ] as const) {
      await db.query(
        `INSERT INTO audit_events (occurred_at, action, account_id, actor_user_id, actor_label, target_user_id, session_ids, session_count, surface, ip, user_agent, reason, ticket)
         VALUES (now() - make_interval(days => $1), 'session.forced_logout', $2, $3, $4, $5, ARRAY[gen_random_uuid(), gen_random_uuid()], 2, $6, '10.20.4.17',
                 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)', $7, $8)`,
        [daysAgo, rows[0].id, adminUserId, TEST_ADMIN.username, target, surface, reason, ticket],
      );
    }
    await http().post(`/v1/users/${lena.userId}/logout`).set(bearer(adminToken)).send({ reason: 'Offboarding: last day', ticket: 'HR-1184' }).expect(200);
    const receipt = (
      await http().post(`/v1/users/${dana.userId}/logout`).set(bearer(adminToken)).send({ reason: 'Laptop reported stolen', ticket: 'SEC-2291' }).expect(200)
    ).body;

    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    const row = page.locator(`#events tr[data-event-id="${receipt.auditEventId}"]`);
    await row.waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    // When, Action, Who, Whom, Why, Where, Surface, Sessions, Outcome, Dry run
    expect(cells.slice(1)).toEqual(['Forced logout', TEST_ADMIN.username, dana.username, 'Laptop reported stolen (ticket SEC-2291)', '127.0.0.1', 'native', '2', 'success', 'no']);
    expect(await page.locator('#events tbody tr').count()).toBe(6);

    // the list and the summary load side by side: read the chart once both have answered
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    expect(await page.locator('#status').innerText()).toBe('');
    const bars = await page.$$eval('#chart rect.bar', (rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(bars.length).toBeGreaterThanOrEqual(30); // one per day, zero days included
    expect(bars.filter((h) => h > 0)).toHaveLength(4); // today, 2, 4 and 6 days ago
    expect(await page.locator('#per-surface tbody').innerText()).toMatch(/native\s+4/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(download.suggestedFilename()).toBe('audit-events.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^id,occurredAt,action,/);
    const line = csv.split('\r\n').find((l) => l.startsWith(`${receipt.auditEventId},`));
    expect(line).toContain('Laptop reported stolen');
    expect(line).toContain(dana.userId);
    expect(line).toContain('SEC-2291');
  });

  it('pages and exports the filters last applied, not what the form says since', async () => {
    const { rows } = await db.query(`SELECT id FROM accounts WHERE is_default`);
    // More than a page of events that are not forced logouts (the chain trigger fills the hashes).
    await db.query(
      `INSERT INTO audit_events (occurred_at, action, account_id, actor_user_id, actor_label, target_user_id, surface, reason)
       SELECT now() - make_interval(mins => g), 'session.logout', $1, $2, $3, $2, 'native', 'paging ' || g FROM generate_series(1, 60) g`,
      [rows[0].id, adminUserId, TEST_ADMIN.username],
    );
    const page = await newPage();
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    const eventsAnswer = (match: (query: URLSearchParams) => boolean) =>
      page.waitForResponse((r) => {
        const url = new URL(r.url());
        return url.pathname === '/v1/audit/events' && match(url.searchParams);
      });

    await page.selectOption('#f-action', 'everything');
    await Promise.all([eventsAnswer((q) => !q.has('action')), page.click('#apply-filters')]);
    await page.locator('#next-page:not([disabled])').waitFor();
    // Edited, not applied: the pages and the export still belong to "Everything".
    await page.selectOption('#f-action', 'forced');

    const [next] = await Promise.all([eventsAnswer((q) => q.has('cursor')), page.click('#next-page')]);
    expect(next.status()).toBe(200);
    expect(new URL(next.url()).searchParams.get('action')).toBeNull();
    await page.locator('#page-info', { hasText: 'Page 2' }).waitFor();
    expect(await page.locator('#events tbody').innerText()).toContain('paging');

    const [exported] = await Promise.all([
      page.waitForRequest((r) => new URL(r.url()).pathname === '/v1/audit/events/export'),
      page.waitForEvent('download'),
      page.click('#export-csv'),
    ]);
    expect(Object.fromEntries(new URL(exported.url()).searchParams)).toEqual({ format: 'csv' });
    await page.locator('#status', { hasText: 'Exported audit-events.csv.' }).waitFor();

    // Applying is what makes the form's values count.
    const [forced] = await Promise.all([eventsAnswer(() => true), page.click('#apply-filters')]);
    expect(Object.fromEntries(new URL(forced.url()).searchParams)).toEqual({ action: 'session.forced_logout', limit: '50' });
  });

  it('charts the last 400 days of a longer range and says so; a chart that fails is cleared, not left stale', async () => {
    const DAY_MS = 86_400_000;
    const page = await newPage();
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    expect(await page.locator('#chart rect.bar').count()).toBeGreaterThanOrEqual(30); // the default 30 days
    const answer = (pathname: string) => page.waitForResponse((r) => new URL(r.url()).pathname === pathname);

    // From far more than 400 days back: the summary would refuse the whole range.
    await page.fill('#f-from', '2020-01-01T00:00');
    const [summary, events] = await Promise.all([answer('/v1/audit/summary'), answer('/v1/audit/events'), page.click('#apply-filters')]);
    expect(summary.status()).toBe(200);
    const charted = new URL(summary.url()).searchParams;
    expect(Date.parse(charted.get('to') as string) - Date.parse(charted.get('from') as string)).toBe(400 * DAY_MS);
    // the events list still covers the whole range
    expect(Date.parse(new URL(events.url()).searchParams.get('from') as string)).toBeLessThan(Date.parse(charted.get('from') as string));
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    expect(await page.locator('#status').innerText()).toBe('');
    expect(await page.locator('#summary-note').isVisible()).toBe(true);
    expect(await page.locator('#summary-note').innerText()).toContain('at most 400 days');
    const bars = await page.locator('#chart rect.bar').count();
    expect(bars).toBeGreaterThanOrEqual(400);
    expect(bars).toBeLessThanOrEqual(401);

    // A range the summary refuses outright (From after To): the previous chart goes, and the page says so.
    await page.fill('#f-from', '2024-02-01T00:00');
    await page.fill('#f-to', '2024-01-01T00:00');
    const [refused] = await Promise.all([answer('/v1/audit/summary'), page.click('#apply-filters')]);
    expect(refused.status()).toBe(400);
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    expect(await page.locator('#status').innerText()).not.toBe('');
    expect(await page.locator('#chart rect.bar').count()).toBe(0);
    expect(await page.locator('#per-surface tbody tr').count()).toBe(0);
    expect(await page.locator('#summary-range').innerText()).toBe('');
    expect(await page.locator('#summary-note').innerText()).toContain('No chart');
  });

  it('tells a signed-in user without audit.read (nor users.manage) that they may not read the trail', async () => {
    const viewer = await person('sam.reader');
    const page = await newPage();
    await signIn(page, viewer.username, viewer.password);
    await page.locator('#refusal').waitFor({ state: 'visible' });
    expect(await page.locator('#refusal').innerText()).toContain('audit.read');
    expect(await page.locator('#data-ui').isHidden()).toBe(true);
  });
});
