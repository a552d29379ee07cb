import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, loginAdmin, startApp, urlOf } from '../support/test-app.js';
import { launchChromium, watchCspViolations } from './chromium.js';

const NATIVE_TAGS = ['auth', 'sessions', 'users', 'roles', 'accounts', 'clients', 'oauth', 'shared signals', 'receivers', 'audit', 'audit streams', 'health'];
const VENDOR_TAGS = ['Rocket.Chat', 'Uberall', 'ZAP', 'Parallels RAS', 'Amazon Chime'];

/** Swagger UI at /docs, in a real headless Chromium. */
describe('Swagger UI (browser)', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let page: Page;
  let violations: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startApp(await createTestDatabase());
    page = await (await browser.newContext()).newPage();
    violations = await watchCspViolations(page);
    await page.goto(`${urlOf(app)}/docs`);
    await page.locator('.opblock-tag').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows every native and vendor tag, signing in (auth) first', async () => {
    const tags = await page.$$eval('.opblock-tag', (els) => els.map((e) => e.getAttribute('data-tag')));
    expect(tags).toEqual([...NATIVE_TAGS, ...VENDOR_TAGS]);
  });

  it('authorizes with a bearer token from login, and "Try it out" on POST /v1/auth/logout answers the documented 200 receipt', async () => {
    const { accessToken, sessionId } = await loginAdmin(app);
    await page.locator('button.authorize').first().click();
    const bearerBox = page.locator('.modal-ux .auth-container').filter({ has: page.locator('h4', { hasText: /^bearer\s*\(http, Bearer\)/ }) });
    await bearerBox.locator('input').fill(accessToken);
    await bearerBox.locator('button.authorize').click();
    await bearerBox.locator('button', { hasText: 'Logout' }).waitFor(); // shown once authorized
    await bearerBox.locator('button.btn-done').click();

    const op = page.locator('.opblock-post').filter({ has: page.locator('.opblock-summary-path', { hasText: /^\/v1\/auth\/logout$/ }) });
    await op.locator('.opblock-summary').click();
    await op.locator('button.try-out__btn').click();
    await op.locator('button.execute').click();
    const live = op.locator('.live-responses-table');
    const status = live.locator('tbody td.response-col_status');
    await status.waitFor();
    expect((await status.innerText()).trim()).toBe('200');
    const body = JSON.parse((await live.locator('tbody td.response-col_description pre').first().innerText()).trim());
    expect(body).toMatchObject({ revokedCount: 1, sessionIds: [sessionId], action: 'session.logout', dryRun: false, auditEventId: expect.any(String) });
    // the documented 200 response shows the same receipt fields
    const documented = await op.locator('.responses-wrapper tr.response[data-code="200"]').innerText();
    for (const field of ['revokedCount', 'sessionIds', 'auditEventId', 'effectiveAt']) expect(documented).toContain(field);
    // the documented errors show their own status and code, not an example made from the schema (statusCode 0)
    for (const [code, error] of [['401', 'UNAUTHENTICATED'], ['403', 'PERMISSION_DENIED']]) {
      const shown = await op.locator(`.responses-wrapper tr.response[data-code="${code}"]`).innerText();
      expect({ code, statusCode: /"statusCode": (\d+)/.exec(shown)?.[1], error: shown.includes(`"${error}"`) }).toEqual({ code, statusCode: code, error: true });
    }
  });

  it('runs under its Content-Security-Policy without a violation', async () => {
    const res = await page.request.get(`${urlOf(app)}/docs`);
    expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(violations).toEqual([]);
  });
});
