#!/usr/bin/env node
// Takes the README's screenshots of the admin console (docs/console-*.png), at desktop and phone
// width, against a started service: `npm start` (or any instance), then
//   ADMIN_PASSWORD=… node scripts/screenshots.mjs            (BASE_URL defaults to http://127.0.0.1:3000)
// It first gives the admin's account a few people and events through the API (idempotent: a user that
// exists is reused), so run it against a service you may write to — not production.
// Uses playwright-core with Debian's chromium (CHROMIUM_PATH overrides), never a browser download.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const ADMIN = process.env.ADMIN_USERNAME ?? 'admin';
const PASSWORD = process.env.ADMIN_PASSWORD;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
if (!PASSWORD) {
  console.error('Set ADMIN_PASSWORD (the admin printed at the first start); BASE_URL and ADMIN_USERNAME are optional.');
  process.exit(2);
}

async function call(method, path, token, body) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
async function must(method, path, token, body, ok = [200, 201]) {
  const res = await call(method, path, token, body);
  if (!ok.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const login = (username, password, deviceName) => must('POST', '/v1/auth/login', null, { username, password, ...(deviceName ? { deviceName } : {}) });

/** People with sessions on named devices, a forced logout with its dry run, and a refused attempt. */
async function seed(token) {
  const people = {};
  for (const [username, roles] of [['alice.nguyen', ['user']], ['alina.petrova', ['user']], ['bob.okafor', ['user']], ['dana.whitfield', ['auditor']]]) {
    const password = `${username}-demo-password`;
    const created = await call('POST', '/v1/users', token, { username, email: `${username}@example.com`, password, roles });
    if (created.status !== 201 && created.status !== 409) throw new Error(`create ${username}: ${created.status}`);
    const first = await login(username, password, 'MacBook Pro');
    await login(username, password, 'iPhone 15');
    people[username] = { ...first, password };
  }
  const bob = people['bob.okafor'];
  await must('POST', `/v1/users/${bob.userId}/logout?dryRun=true`, token, { reason: 'Phishing report: check first', ticket: 'SOC-398' });
  await must('POST', `/v1/users/${bob.userId}/logout`, token, { reason: 'Phishing report: password reset', ticket: 'SOC-398' });
  const bobAgain = await login('bob.okafor', bob.password, 'iPhone 15');
  await call('POST', `/v1/users/${people['alice.nguyen'].userId}/logout`, bobAgain.accessToken, { reason: 'prank' }); // refused: 403
  return people;
}

async function shoot(browser, name, width, height, hash, ready, prepare) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, isMobile: width < 600, hasTouch: width < 600 });
  const page = await context.newPage();
  await page.goto(`${BASE}/admin/`);
  await page.fill('#username', ADMIN);
  await page.fill('#password', PASSWORD);
  await page.click('#login-submit');
  await page.locator('#whoami').waitFor({ state: 'visible' });
  await page.goto(`${BASE}/admin/${hash}`);
  await page.locator(ready).first().waitFor();
  if (prepare) await prepare(page);
  await page.waitForTimeout(200); // let the last answer paint
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await context.close();
  console.log(`wrote docs/${name}.png`);
}

const admin = await login(ADMIN, PASSWORD);
const people = await seed(admin.accessToken);
const alice = people['alice.nguyen'].userId;
const bob = people['bob.okafor'].userId;
const forced = await must('GET', `/v1/audit/events?action=session.forced_logout&targetUserId=${bob}&outcome=success&limit=1`, admin.accessToken);
const eventId = forced.items.find((e) => !e.dryRun)?.id ?? forced.items[0].id;

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const preview = async (page) => {
    await page.fill('#user-logout-reason', 'Laptop reported stolen');
    await page.fill('#user-logout-ticket', 'SEC-2291');
    await page.click('#user-logout-preview');
    await page.locator('#user-logout-preview-text').waitFor();
  };
  await shoot(browser, 'console-people', 1280, 800, '#/people?q=al', '#people tbody tr');
  await shoot(browser, 'console-user', 1280, 800, `#/users/${alice}`, '#sessions tbody tr', preview);
  await shoot(browser, 'console-audit', 1280, 800, '#/audit', '#data-ui[aria-busy="false"]');
  await shoot(browser, 'console-event', 1280, 800, `#/events/${eventId}`, '#event-detail');
  await shoot(browser, 'console-integrity', 1280, 600, '#/integrity', '#verify-verdict');
  await shoot(browser, 'console-user-phone', 390, 844, `#/users/${alice}`, '#sessions tbody tr', preview);
  await shoot(browser, 'console-audit-phone', 390, 844, '#/audit', '#data-ui[aria-busy="false"]');
} finally {
  await browser.close();
}
