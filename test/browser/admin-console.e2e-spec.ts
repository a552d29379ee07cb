import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, createTestDatabase, login, loginAdmin, startApp, urlOf, withoutTriggers } from '../support/test-app.js';
import { TEST_ADMIN } from '../test-env.js';
import { launchChromium, watchCspViolations } from './chromium.js';

/**
 * The admin console (/admin/) in a real headless Chromium against the real API: find a person, open
 * their sessions, log them out with a reason (dry run first), follow the receipt to its audit event,
 * filter the trail by clicking a name, read an event's detail, the chart following the filters, a
 * refused forced logout found under forced logouts, the integrity panel, and what an admin without a
 * permission sees.
 */
describe('admin console (browser)', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let browser: Browser;
  let adminToken: string;
  const http = () => request(app.getHttpServer());

  /** A user with a realistic name and two live sessions on named devices. */
  async function person(username: string, roles: string[] = ['user']) {
    const password = `${username}-password-long`;
    await http().post('/v1/users').set(bearer(adminToken)).send({ username, email: `${username}@example.com`, password, roles }).expect(201);
    const first = await login(app, username, password, { deviceName: 'MacBook Pro' });
    await login(app, username, password, { deviceName: 'iPhone 15' });
    return { username, password, userId: first.userId, accessToken: first.accessToken };
  }

  let violations: string[][] = [];
  const contexts: BrowserContext[] = [];
  async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    violations.push(await watchCspViolations(page));
    return page;
  }
  afterEach(async () => {
    const seen = violations.flat();
    violations = [];
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(seen).toEqual([]);
  });

  async function signIn(page: Page, username: string, password: string, hash = ''): Promise<void> {
    await page.goto(`${urlOf(app)}/admin/${hash}`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#login-submit');
    await page.locator('#whoami', { hasText: username }).waitFor();
  }

  /**
   * Runs `act` and waits until the trail it leads to has loaded: its events and its summary answered
   * for a query `match` accepts, and the view is no longer busy.
   */
  async function trailAfter(page: Page, act: () => Promise<unknown>, match: (q: URLSearchParams) => boolean = () => true): Promise<void> {
    const answered = (pathname: string) => page.waitForResponse((r) => new URL(r.url()).pathname === pathname && match(new URL(r.url()).searchParams));
    await Promise.all([answered('/v1/audit/events'), answered('/v1/audit/summary'), act()]);
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
  }

  /** The page is no wider than its viewport: nothing of the main flows scrolls sideways. */
  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);

  let alice: Awaited<ReturnType<typeof person>>;
  let bob: Awaited<ReturnType<typeof person>>;

  beforeAll(async () => {
    browser = await launchChromium();
    const url = await createTestDatabase();
    app = await startApp(url);
    db = new pg.Client({ connectionString: url });
    await db.connect();
    adminToken = (await loginAdmin(app)).accessToken;
    alice = await person('alice.nguyen');
    bob = await person('bob.okafor');
    await person('alina.petrova');
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await app?.close();
  });

  it('finds alice by name, opens her sessions, dry-runs then forces her logout with a reason, and follows the receipt to the event and its detail', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);

    // People: by keyboard, a prefix of her name.
    await page.click('#nav-people');
    await page.locator('#people-q').focus();
    await page.keyboard.type('ALI');
    await page.keyboard.press('Enter');
    await page.locator('#people tbody tr', { hasText: 'alina.petrova' }).waitFor();
    expect((await page.locator('#people tbody tr').allInnerTexts()).map((t) => t.split(/\s/)[0])).toEqual(['alice.nguyen', 'alina.petrova']);
    await page.locator('#people a', { hasText: 'alice.nguyen' }).focus();
    await page.keyboard.press('Enter');

    // Her page: profile, roles, status and her two sessions with device, surface, IP, user agent, times.
    await page.locator('#user-heading', { hasText: 'alice.nguyen' }).waitFor();
    expect(await page.locator('#user-roles').innerText()).toBe('user');
    expect(await page.locator('#user-status').innerText()).toBe('active');
    await page.locator('#sessions tbody tr[data-session-id]').first().waitFor();
    const rows = await page.locator('#sessions tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toContain('iPhone 15');
    expect(rows.join('\n')).toContain('MacBook Pro');
    expect(rows[0]).toContain('native');
    expect(rows[0]).toContain('127.0.0.1');

    // Without a reason the preview is refused, and nothing is sent.
    await page.click('#user-logout-preview');
    await page.locator('#status', { hasText: 'Give a reason' }).waitFor();

    // Dry run first: how many sessions would end; nothing changes.
    await page.fill('#user-logout-reason', 'Laptop stolen at the airport');
    await page.fill('#user-logout-ticket', 'SEC-4411');
    const [dry] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/v1/users/${alice.userId}/logout`)), page.click('#user-logout-preview')]);
    expect(new URL(dry.url()).searchParams.get('dryRun')).toBe('true');
    await page.locator('#user-logout-preview-text', { hasText: 'This will end 2 sessions' }).waitFor();
    await http().get('/v1/auth/me').set(bearer(alice.accessToken)).expect(200);

    // Confirm: the receipt, with a link to its audit event; her token is refused at once.
    const [real] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/v1/users/${alice.userId}/logout`)),
      page.click('#user-logout-confirm'),
    ]);
    const receipt = await real.json();
    expect(receipt).toMatchObject({ revokedCount: 2, dryRun: false });
    await page.locator('#user-logout-receipt', { hasText: '2 sessions ended' }).waitFor();
    await http().get('/v1/auth/me').set(bearer(alice.accessToken)).expect(401);
    await page.locator('#sessions tbody td.empty').waitFor(); // her sessions, listed again: none live

    await page.click('#user-logout-receipt-link');
    await page.locator(`#event-detail[data-event-id="${receipt.auditEventId}"]`).waitFor();
    const fact = (name: string) => page.locator(`#event-facts dd[data-field="${name}"]`).innerText();
    expect(await fact('Action')).toContain('session.forced_logout');
    expect(await fact('Reason')).toBe('Laptop stolen at the airport');
    expect(await fact('Ticket')).toBe('SEC-4411');
    expect(await fact('Surface')).toBe('native');
    expect(await fact('Outcome')).toBe('success');
    expect(await fact('Target')).toBe('alice.nguyen');
    expect(await fact('Request ID')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await fact('User agent')).toContain('Chrome');
    expect(await page.locator('#event-sessions li').count()).toBe(2);
    expect(await page.locator('#event-deliveries').innerText()).toContain('no receiver asked for this event');
    expect(await page.locator('#event-details').innerText()).toContain('"scope": "user"');

    // Find the event by clicking her name in the trail: the filter is hers, and so is every row.
    await trailAfter(page, () => page.click('#nav-audit'));
    await trailAfter(page, () => page.locator('#events a.person', { hasText: 'alice.nguyen' }).first().click(), (q) => q.get('targetUserId') === alice.userId);
    expect(await page.inputValue('#f-target')).toBe('alice.nguyen');
    const whom = await page.locator('#events tbody tr td[data-label="Whom"]').allInnerTexts();
    expect(whom.length).toBe(2); // the forced logout and its dry run
    expect(new Set(whom)).toEqual(new Set(['alice.nguyen']));
    const row = page.locator(`#events tr[data-event-id="${receipt.auditEventId}"]`);
    expect((await row.locator('td').allInnerTexts()).slice(1).map((t) => t.trim())).toEqual([
      'Forced logout',
      TEST_ADMIN.username,
      'alice.nguyen',
      'Laptop stolen at the airport (ticket SEC-4411)',
      '127.0.0.1',
      'native',
      '2',
      'success',
      'no',
    ]);
    expect(await page.locator('#events-total').innerText()).toBe('2 matching events.');
    await row.locator('a.event-link').click();
    await page.locator(`#event-detail[data-event-id="${receipt.auditEventId}"]`).waitFor();
  });

  it('draws the chart and the per-actor/per-surface counts from the same filters as the table, dry runs labelled', async () => {
    await http().post(`/v1/users/${bob.userId}/logout?dryRun=true`).set(bearer(adminToken)).send({ reason: 'Rehearsal: phishing drill' }).expect(200);
    await http().post(`/v1/users/${bob.userId}/logout`).set(bearer(adminToken)).send({ reason: 'Phishing drill follow-up' }).expect(200);
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password, '#/audit');
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    const barTotal = () => page.$$eval('#chart rect.bar, #chart rect.bar-dry', (rects) => rects.reduce((n, r) => n + Number(r.getAttribute('data-count')), 0));

    const apply = (reason: string) => trailAfter(page, () => page.click('#apply-filters'), (q) => q.get('reason') === reason);
    await page.fill('#f-reason', 'no-such-reason');
    await apply('no-such-reason');
    expect(await page.locator('#events tbody td.empty').innerText()).toBe('No events match these filters.');
    expect(await barTotal()).toBe(0);
    expect(await page.locator('#per-surface tbody').innerText()).toBe('None');
    expect(await page.locator('#per-actor tbody').innerText()).toBe('None');

    await page.fill('#f-reason', 'phishing drill');
    await apply('phishing drill');
    expect(await page.locator('#events tbody tr').count()).toBe(2);
    expect(await barTotal()).toBe(2);
    expect(await page.locator('#chart rect.bar-dry').count()).toBe(1); // the dry run, stacked and labelled
    expect(await page.locator('#chart rect.bar-dry title').textContent()).toMatch(/2 events, of which 1 dry run/);
    expect(await page.locator('#summary-totals').innerText()).toBe('2 events in this period, of which 1 dry run.');
    expect(await page.locator('#per-surface tbody').innerText()).toMatch(/native\s+2 \(1 dry run\)/);
    expect(await page.locator('#per-actor tbody').innerText()).toContain(TEST_ADMIN.username);

    // A person typed by email, in any case: the API matches the name, the chart and the table follow.
    await page.fill('#f-reason', '');
    await page.fill('#f-target', 'BOB.OKAFOR@example.com');
    await trailAfter(page, () => page.click('#apply-filters'), (q) => q.get('targetName') === 'BOB.OKAFOR@example.com');
    expect(new Set(await page.locator('#events tbody td[data-label="Whom"]').allInnerTexts())).toEqual(new Set(['bob.okafor']));
    expect(await barTotal()).toBe(await page.locator('#events tbody tr').count());
    // A name that is no one matches nothing.
    await page.fill('#f-target', 'nobody-by-that-name');
    await trailAfter(page, () => page.click('#apply-filters'), (q) => q.get('targetName') === 'nobody-by-that-name');
    expect(await page.locator('#events tbody td.empty').count()).toBe(1);
    expect(await barTotal()).toBe(0);

    // A filter the API refuses (From after To): the error, and none of the previous rows stay on screen.
    await page.fill('#f-from', '2024-02-01T00:00');
    await page.fill('#f-to', '2024-01-01T00:00');
    await trailAfter(page, () => page.click('#apply-filters'), (q) => q.has('from'));
    expect(await page.locator('#status').innerText()).toContain('`from` must be before `to`');
    expect(await page.locator('#events').count()).toBe(0);
    expect(await page.locator('#events-box').innerText()).toContain('the filters could not be applied');
    expect(await page.locator('#chart rect').count()).toBe(0);
  });

  it('finds a refused forced logout under forced logouts with outcome denied', async () => {
    // bob's sessions ended in the previous test: he signs in again, then tries to log alice out
    const bobAgain = await login(app, bob.username, bob.password);
    await http().post(`/v1/users/${alice.userId}/logout`).set(bearer(bobAgain.accessToken)).send({ reason: 'prank' }).expect(403);

    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password, '#/audit');
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    expect(await page.inputValue('#f-action')).toBe('forced');
    await page.selectOption('#f-outcome', 'denied');
    await trailAfter(page, () => page.click('#apply-filters'), (q) => q.get('outcome') === 'denied' && q.get('action') === 'session.forced_logout');
    const cells = (await page.locator('#events tbody tr').first().locator('td').allInnerTexts()).map((t) => t.trim());
    expect(cells.slice(1, 4)).toEqual(['Forced logout', bob.username, alice.username]);
    expect(cells[8]).toBe('denied');
    expect(await page.locator('#events tbody tr').count()).toBe(1);
    expect(await page.locator('#events-total').innerText()).toBe('1 matching event.');
  });

  it('pages forwards and back with the total and a chosen page size', async () => {
    for (let i = 0; i < 30; i++) await http().post(`/v1/users/${bob.userId}/logout?dryRun=true`).set(bearer(adminToken)).send({ reason: `page ${i}` }).expect(200);
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password, '#/audit');
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    await page.selectOption('#f-limit', '25');
    await page.selectOption('#f-action', 'everything');
    await trailAfter(page, () => page.click('#apply-filters'), (q) => !q.has('action') && (q.get('limit') ?? '25') === '25');
    const total = Number((await page.locator('#events-total').innerText()).split(' ')[0]);
    expect(total).toBeGreaterThan(25);
    expect(await page.locator('#events tbody tr').count()).toBe(25);
    const firstPage = await page.locator('#events tbody tr').first().getAttribute('data-event-id');
    expect(await page.locator('#prev-page').isDisabled()).toBe(true);
    await page.click('#next-page');
    await page.locator('#page-info', { hasText: `Page 2 · 26–${Math.min(50, total)} of ${total}` }).waitFor();
    await page.click('#prev-page');
    await page.locator('#page-info', { hasText: `Page 1 · 1–25 of ${total}` }).waitFor();
    expect(await page.locator('#events tbody tr').first().getAttribute('data-event-id')).toBe(firstPage);
    expect(await page.locator('#prev-page').isDisabled()).toBe(true);
  });

  it('verifies the account\'s trail: intact, with the head hash to copy', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: urlOf(app) });
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page.click('#nav-integrity');
    await page.locator('#verify-verdict').waitFor();
    expect(await page.locator('#verify-verdict').innerText()).toMatch(/^Intact: \d+ events checked/);
    const hash = await page.inputValue('#head-hash');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const api = (await http().get('/v1/audit/verify').set(bearer(adminToken)).expect(200)).body;
    expect(api.ok).toBe(true);
    await page.click('#copy-hash');
    await page.locator('#copy-status', { hasText: 'Copied.' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(hash);
  });

  it('shows each admin only what they may: no permission, audit only, people without the power to log out', async () => {
    // No console permission at all: a refusal, no views, and no "Loading…" left beside it.
    const plain = await person('sam.reader');
    const page = await newPage();
    await signIn(page, plain.username, plain.password);
    await page.locator('#refusal').waitFor({ state: 'visible' });
    expect(await page.locator('#refusal').innerText()).toContain('audit.read');
    expect(await page.locator('#nav a:visible').count()).toBe(0);
    expect(await page.locator('#status').isHidden()).toBe(true);
    expect(await page.locator('#data-ui').count()).toBe(0);

    // An auditor: the trail and its integrity, no people.
    const auditor = await person('ada.auditor', ['auditor']);
    const auditPage = await newPage();
    await signIn(auditPage, auditor.username, auditor.password);
    await auditPage.locator('#data-ui[aria-busy="false"]').waitFor();
    expect(await auditPage.locator('#nav a:visible').allInnerTexts()).toEqual(['Audit', 'Integrity']);
    // Without users.manage, a person is still found by name: the audit API matches it.
    await auditPage.fill('#f-target', 'bob.okafor');
    await trailAfter(auditPage, () => auditPage.click('#apply-filters'), (q) => q.get('targetName') === 'bob.okafor');
    expect(new Set(await auditPage.locator('#events tbody td[data-label="Whom"]').allInnerTexts())).toEqual(new Set(['bob.okafor']));
    await auditPage.goto(`${urlOf(app)}/admin/#/people`);
    await auditPage.locator('#refusal', { hasText: 'users.manage' }).waitFor();
    expect(await auditPage.locator('#people').count()).toBe(0);

    // Manages people and reads sessions, may not end them: the buttons are disabled and say why.
    await http().post('/v1/roles').set(bearer(adminToken)).send({ name: 'helpdesk-readers', permissions: ['users.manage', 'sessions.read-any'] }).expect(201);
    const helper = await person('hal.helpdesk', ['helpdesk-readers']);
    const helperPage = await newPage();
    await signIn(helperPage, helper.username, helper.password);
    expect(await helperPage.locator('#nav a:visible').allInnerTexts()).toEqual(['People']);
    await helperPage.goto(`${urlOf(app)}/admin/#/users/${bob.userId}`);
    await helperPage.locator('#sessions tbody tr').first().waitFor();
    expect(await helperPage.locator('#user-logout-preview').isDisabled()).toBe(true);
    expect(await helperPage.locator('#user-logout-why-disabled').innerText()).toContain('sessions.revoke-any');
    expect(await helperPage.locator('[data-end-session]').first().isDisabled()).toBe(true);
    expect(await helperPage.locator('#user-audit-link').count()).toBe(0);
    await helperPage.goto(`${urlOf(app)}/admin/#/people`);
    await helperPage.locator('#account-logout-preview').waitFor();
    expect(await helperPage.locator('#account-logout-preview').isDisabled()).toBe(true);
    expect(await helperPage.locator('#account-logout-why-disabled').innerText()).toContain('sessions.revoke-account');
  });

  it('shows the first broken link when an event was changed behind the service\'s back (after the intact check: it breaks the chain)', async () => {
    const { rows } = await db.query(`SELECT id::text AS id FROM audit_events WHERE action = 'session.forced_logout' AND reason = 'Laptop stolen at the airport'`);
    await withoutTriggers(db, `UPDATE audit_events SET reason = 'nothing to see' WHERE id = $1`, [rows[0].id]);
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password, '#/integrity');
    await page.locator('#verify-verdict').waitFor();
    expect(await page.locator('#verify-verdict').innerText()).toContain(`Broken: the first link that does not verify is event #${rows[0].id}`);
    expect(await page.locator('#verify-verdict').innerText()).toContain('hash mismatch');
    await page.locator('#verify-verdict a').click();
    await page.locator(`#event-detail[data-event-id="${rows[0].id}"]`).waitFor();
  });

  it('fits a phone: people, a user page and the trail without sideways scrolling; every field labelled', async () => {
    const page = await newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password, '#/people?q=b');
    await page.locator('#people tbody tr').first().waitFor();
    await noSidewaysScroll(page);
    await page.goto(`${urlOf(app)}/admin/#/users/${bob.userId}`);
    await page.locator('#user-heading').waitFor();
    await noSidewaysScroll(page);
    await page.goto(`${urlOf(app)}/admin/#/audit?actionSet=everything`);
    await page.locator('#data-ui[aria-busy="false"]').waitFor();
    await noSidewaysScroll(page);
    // every input and select of the trail's filters and of the act forms has a label
    const unlabelled = await page.$$eval('input, select', (els) =>
      els.filter((el) => !(el as unknown as { labels: { length: number } | null }).labels?.length).map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
  });
});
