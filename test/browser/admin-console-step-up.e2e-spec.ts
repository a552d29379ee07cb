import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, closeTestApp, createUser, openTestApp, TestApp, urlOf } from '../support/test-app.js';
import { launchChromium, watchCspViolations } from './chromium.js';

/**
 * Fresh authentication in the console: where the account's session policy asks for an authentication
 * younger than its max age (forcing out a user who holds admin permissions), the console's action is
 * answered 401 insufficient_user_authentication; the console asks for the password, calls
 * POST /v1/auth/reauthenticate and retries the action once. Cancelling does nothing.
 */
describe('admin console: fresh authentication (browser)', () => {
  let world: TestApp;
  let app: NestFastifyApplication;
  let browser: Browser;
  let sys: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    browser = await launchChromium();
    world = await openTestApp();
    ({ app, systemAdmin: sys } = world);
  });
  afterAll(async () => {
    await browser?.close();
    await closeTestApp(world);
  });

  it('asks for the password on a stale session, re-authenticates, retries once; cancelled, nothing is done', async () => {
    const account = await http().post('/v1/accounts').set(bearer(sys)).send({ name: `console-stepup-${randomUUID()}` }).expect(201);
    const accountId = account.body.id as string;
    const admin = await createUser(app, sys, { roles: ['admin'], accountId, prefix: 'dana' });
    const target = await createUser(app, sys, { roles: ['admin'], accountId, prefix: 'erin' });
    await http()
      .put(`/v1/accounts/${accountId}/session-policy`)
      .set(bearer(admin.accessToken))
      .send({ stepUpMaxAgeSeconds: 60, stepUpActions: ['admin-logout'] })
      .expect(200);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page: Page = await context.newPage();
      const violations = await watchCspViolations(page);
      await page.goto(`${urlOf(app)}/admin/`);
      await page.fill('#username', admin.username);
      await page.fill('#password', admin.password);
      await page.click('#login-submit');
      await page.locator('#whoami', { hasText: admin.username }).waitFor();
      // Every session of the admin proved the password an hour ago, as time would have it.
      await world.db.query(`UPDATE sessions SET authenticated_at = now() - interval '1 hour' WHERE user_id = $1`, [admin.userId]);

      await page.goto(`${urlOf(app)}/admin/#/users/${target.userId}`);
      await page.locator('#user-heading', { hasText: target.username }).waitFor();
      await page.fill('#user-logout-reason', 'Admin account shared by mistake');

      // Refused for a stale session: the console asks; cancelled, nothing is done and it says so.
      await page.click('#user-logout-preview');
      await page.locator('#reauth[open]').waitFor();
      await page.click('#reauth-cancel');
      await page.locator('#status', { hasText: 'Fresh sign-in cancelled: nothing was done.' }).waitFor();
      await http().get('/v1/auth/me').set(bearer(target.accessToken)).expect(200);

      // Asked again, answered: the preview is retried once and shows its count.
      await page.click('#user-logout-preview');
      await page.locator('#reauth[open]').waitFor();
      const [reauth] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/auth/reauthenticate'),
        page.fill('#reauth-password', admin.password).then(() => page.click('#reauth-submit')),
      ]);
      expect(reauth.status()).toBe(200);
      await page.locator('#user-logout-preview-text', { hasText: 'This will end 1 session' }).waitFor();

      // Fresh now: the real logout goes through without asking again.
      const [real] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/v1/users/${target.userId}/logout`) && r.request().method() === 'POST' && !r.url().includes('dryRun')),
        page.click('#user-logout-confirm'),
      ]);
      expect(real.status()).toBe(200);
      expect(await page.locator('#reauth[open]').count()).toBe(0);
      await page.locator('#user-logout-receipt', { hasText: '1 session ended' }).waitFor();
      await http().get('/v1/auth/me').set(bearer(target.accessToken)).expect(401);

      // The two refusals are on the record, then the forced logout itself.
      const refusals = await http().get(`/v1/audit/events?action=auth.step_up_required&accountId=${accountId}`).set(bearer(sys)).expect(200);
      expect(refusals.body.items.length).toBe(2);
      const done = await http().get(`/v1/audit/events?action=session.forced_logout&accountId=${accountId}&outcome=success`).set(bearer(sys)).expect(200);
      expect(done.body.items.filter((e: { dryRun: boolean }) => !e.dryRun)).toHaveLength(1);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
