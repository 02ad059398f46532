/**
 * The one-minute tour in a real browser (Debian's Chromium through playwright-core): a resident
 * finishes the intake by clicks in Dutch, another in Arabic; their suggestions appear in the
 * matchmaker feed (Adaptive Cards rendered by the `adaptivecards` renderer); the matchmaker clicks
 * *Introduce*; the resident says yes in the chat; the card updates. Screenshots go to
 * `artifacts/playground/`. Without Chromium the test is skipped locally and fails in CI.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase } from '../support/db.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs it with apt-get`);
const SHOTS = 'artifacts/playground';

let app: App;
let drop: () => Promise<void>;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}-${name}.png` });

beforeAll(async () => {
  if (!available) return;
  mkdirSync(SHOTS, { recursive: true });
  const database = await createTestDatabase();
  drop = database.drop;
  app = await startApp(loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent' }), {
    ...(database.dump ? { pgliteDump: database.dump } : {}),
    flood: { burst: 1000, perSecond: 1000 }, // a test clicks faster than anyone
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(10_000);
  await page.goto(`http://127.0.0.1:${app.port}/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await drop?.();
});

/** Taps the chat button that sends this callback data, as a resident would. */
const tap = (data: string) => page.locator(`#chat button[data-cb="${data}"]`).last().click();

/** The whole intake by buttons: language, consent, name, place, a skill (cooking), the rest skipped. */
async function intake(lang: string) {
  for (const data of [`lang:${lang}:lier`, `cons:y:${lang}:lier`, 'name:y', 'place:y', 'neighbourhood:skip', 'goesting:d', 'skills:t:cooking', 'skills:d', 'needs:d', 'ambition:d', 'availability:d', 'languages:d', 'summary:ok']) {
    await tap(data);
  }
  await page.locator('#chat .bubble.bot', { hasText: '🎉' }).waitFor();
}

/** A suggestion's card in the feed, by the resident's name (followed by their answer once they gave one). */
const cardOf = (name: string, state = '') => page.locator(`#feed .card${state ? `[data-state="${state}"]` : ''}`, { hasText: new RegExp(`${name}( \\([^)]+\\))?\\s+↔`) });

describe.skipIf(!available)('the playground in a browser', () => {
  it('shows demo suggestions from the first start', async () => {
    await page.locator('#feed .card').first().waitFor();
    expect(await page.locator('#feed .card', { hasText: '(demo)' }).count()).toBeGreaterThan(3);
    await shot('1-start');
  });

  it('takes a Dutch intake by clicks to a suggestion in the feed', async () => {
    await intake('nl');
    expect(await page.locator('#chat').getAttribute('dir')).toBe('ltr');
    const card = cardOf('Sam');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('Buurtrestaurant zoekt kookhulp');
    expect(await card.innerText()).toContain('Koken');
    await shot('2-dutch-intake');
  });

  it('takes an Arabic intake right to left, is introduced, says yes, and the card updates', async () => {
    await page.locator('#who button', { hasText: 'Noor' }).click();
    await intake('ar');
    expect(await page.locator('#chat').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#chat .bubble.bot').last().innerText()).toMatch(/[\u0600-\u06FF]/);
    const card = cardOf('Noor');
    await card.waitFor({ timeout: 15_000 });
    await shot('3-arabic-intake');

    await card.getByRole('button', { name: /Voorstellen/ }).click();
    await cardOf('Noor', 'introduced').waitFor({ timeout: 15_000 });

    // The proposal reaches Noor's chat through the outbox, in Arabic, with yes / no buttons.
    const yes = page.locator('#chat button[data-cb^="intro:y:"]').last();
    await yes.waitFor({ timeout: 15_000 });
    await shot('4-proposal');
    await yes.click();
    const accepted = cardOf('Noor', 'accepted');
    await accepted.waitFor({ timeout: 15_000 });
    expect(await accepted.innerText()).toContain('allebei ja');
    await page.locator('#chat .bubble.bot', { hasText: 'Buurtrestaurant zoekt kookhulp' }).last().waitFor({ timeout: 15_000 });
    await shot('5-accepted');
  });

  it('posts an ask from the provider card and sees it matched to a demo resident', async () => {
    const pane = page.locator('#provider');
    await pane.getByRole('button', { name: /Nieuwe vraag/ }).click();
    await pane.getByRole('button', { name: /Bewaren/ }).waitFor();
    await pane.getByRole('textbox', { name: /Titel/ }).fill('Wie herstelt onze bakfiets?');
    await pane.getByRole('textbox', { name: /beschrijving/ }).fill('Onze bakfiets rijdt niet meer. Wie helpt een zaterdag?');
    await pane.getByRole('combobox', { name: /Soort/ }).selectOption('volunteering');
    const tick = (label: string) => pane.locator(`input[type=checkbox][aria-label="${label}"]`).check();
    await tick('🚲 Fietsen herstellen');
    await tick('Lier');
    await tick('Nederlands');
    await pane.getByRole('textbox', { name: /Contact/ }).fill('Lien');
    await pane.getByRole('button', { name: /Bewaren/ }).click();
    await pane.getByText('Wie herstelt onze bakfiets?').waitFor();
    const card = page.locator('#feed .card', { hasText: 'Wie herstelt onze bakfiets?' });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('Jan (demo)');
    await shot('6-provider-ask');
  });

  it("shows the matchmaker's figures with the chart", async () => {
    await page.locator('#statsButton').click();
    const stats = page.locator('#stats', { hasText: 'Deelnemers' });
    await stats.waitFor();
    expect(await stats.innerText()).toContain('Ontmoetingen');
    await page.locator('#stats img').waitFor();
    expect(await page.locator('#stats img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(560);
    await shot('7-stats');
  });
});
