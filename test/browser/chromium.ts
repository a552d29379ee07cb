import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A real headless Chromium. Missing, it fails the suite with how to fix it: a browser test that
 * skips silently would let a broken page through. (Playwright gives each launch a fresh profile.)
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. Browser tests do not skip.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Collects every Content-Security-Policy (and Trusted Types) violation a page reports, from the
 * `securitypolicyviolation` event and from the console, so a test can assert there is none. Attach it
 * before the first navigation.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  // Init scripts run outside the page's CSP, so reporting can't be blocked by the policy it reports on.
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/content security policy|csp violation|trusted ?(types|html|script)/i.test(text)) violations.push(text);
  });
  page.on('pageerror', (error) => {
    if (/content security policy|trusted ?(types|html|script)/i.test(error.message)) violations.push(error.message);
  });
  return violations;
}
