// Drives one headless Chromium page for DashboardBrowserTest, which sends one command per line on stdin
// ({"id", "op", ...}) and reads one answer per line on stdout ({"id", "ok", "value"} or {"id", "ok": false,
// "error"}). The assertions stay in the Java test, beside the MQTT clients it runs.
//
// usage: node driver.mjs CHROMIUM PROFILE_DIR
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const [executablePath, profile] = process.argv.slice(2);
if (!executablePath || !profile) {
  console.error('usage: node driver.mjs CHROMIUM PROFILE_DIR');
  process.exit(2);
}

// The flags keep Chromium from calling out to Google services; playwright adds --headless and, with
// chromiumSandbox false, --no-sandbox.
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  chromiumSandbox: false,
  viewport: { width: 1280, height: 900 },
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(15_000);
// The dashboard asks before deleting; the test means what it clicks.
page.on('dialog', (dialog) => dialog.accept());

// What went wrong inside the page: uncaught errors and console errors, for the test to check.
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(`uncaught: ${e.message}`));
page.on('console', (m) => {
  if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
});

const ops = {
  goto: async ({ url }) => { await page.goto(url); },
  fill: async ({ selector, value }) => { await page.fill(selector, value); },
  click: async ({ selector }) => { await page.click(selector); },
  press: async ({ selector, key }) => { await page.press(selector, key); },
  // Waits for the element; its text.
  text: async ({ selector }) => page.locator(selector).first().textContent(),
  // Does not wait: the texts of the elements there are now.
  texts: async ({ selector }) => page.locator(selector).allTextContents(),
  url: async () => page.url(),
  waitFor: async ({ selector }) => { await page.locator(selector).first().waitFor(); },
  screenshot: async ({ path }) => { await page.screenshot({ path }); },
  errors: async () => pageErrors.splice(0),
};

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const command = JSON.parse(line);
  if (command.op === 'close') break;
  try {
    const op = ops[command.op];
    if (!op) throw new Error(`no op ${command.op}`);
    const value = await op(command);
    process.stdout.write(JSON.stringify({ id: command.id, ok: true, value: value ?? null }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: command.id, ok: false, error: String(e.message ?? e) }) + '\n');
  }
}
await context.close();
