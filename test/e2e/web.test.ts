// The web app in headless Chromium, used as a person would: graph -> dyad -> evidence, an actor's profile, an
// Arabic search, an article pasted and coded, then stored with the token entered in the page, and markup in an
// article that must stay text. The server listens on loopback over a
// database ingested from demo/ plus one article written here; the app is built fresh into a temp folder.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type cytoscape from 'cytoscape';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/cli/ingest.js';
import { buildServer } from '../../src/server/app.js';
import type { ServerContext } from '../../src/server/context.js';
import { closeServerContext, openServerContext } from '../../src/server/open.js';
import type { EventPage } from '../../src/server/schemas.js';
import { openStore } from '../../src/store/store.js';

const CHROMIUM = process.env['RASAD_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
// Outside CI a machine without Chromium skips these tests; CI installs it (.ci/run) and must run them.
const runnable = existsSync(CHROMIUM) || process.env['CI'] !== undefined;

const MARKUP_ARTICLE = 'title: اختبار الوسوم\noutlet: وكالة الاختبار\npublished: 2021-05-02\nlang: ar\n\nأشادت قطر بإيران يوم الأحد <img src=x onerror="window.__xss=1"> في بيان رسمي.\n';
const PASTED = 'published: 2022-03-09\n\nأدانت إيران إسرائيل يوم الاثنين.\n\nواستقبل أمير قطر الرئيس الإيراني في الدوحة يوم الأحد.';
const TO_STORE = 'outlet: UI Test Wire\npublished: 2023-02-14\n\nOman hosted talks with Jordan on Tuesday in Muscat.\n';
const TOKEN = 'e2e-token-7f3a';

let dir: string;
let shots: string;
let ctx: ServerContext;
let app: FastifyInstance;
let base: string;
let browser: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** What the page's window holds for tests (the tests' own tsconfig has no DOM types). */
interface PageWindow {
  rasadGraph?: cytoscape.Core;
  __xss?: number;
  sessionStorage: { getItem(key: string): string | null };
  localStorage: { getItem(key: string): string | null };
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function ready(view: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 15_000 });
}

/** Click a graph element on its canvas, where a person would. */
async function clickGraph(kind: 'node' | 'edge', id: string): Promise<void> {
  const point = await page.evaluate(
    ([k, i]) => {
      const cy = (globalThis as unknown as PageWindow).rasadGraph;
      const el = cy?.getElementById(i ?? '');
      if (!el || el.empty()) return null;
      return k === 'node' ? el.renderedPosition() : el.renderedMidpoint();
    },
    [kind, id],
  );
  const box = await page.locator('[data-testid=graph]').boundingBox();
  if (!point || !box) throw new Error(`no ${kind} ${id} on the graph`);
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

describe.skipIf(!runnable)('web app in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rasad-e2e-'));
    shots = process.env['RASAD_E2E_SHOTS'] ?? join(dir, 'screenshots');
    mkdirSync(shots, { recursive: true });
    const webRoot = join(dir, 'web');
    await build({ root: join(import.meta.dirname, '..', '..', 'web'), logLevel: 'error', build: { outDir: webRoot, emptyOutDir: true } });
    const db = join(dir, 'e2e.db');
    writeFileSync(join(dir, 'markup.txt'), MARKUP_ARTICLE);
    const store = await openStore(db);
    await ingestPaths(store, ['demo', join(dir, 'markup.txt')]);
    await store.close();
    ctx = await openServerContext(db, { token: TOKEN, readsOpen: true });
    app = await buildServer(ctx, { webRoot });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1360, height: 900 },
      locale: 'en-GB',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 120_000);

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (ctx) await closeServerContext(ctx);
    console.log(`e2e screenshots: ${shots}`);
    if (!process.env['RASAD_E2E_SHOTS']) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the graph, then a dyad from its edge, then an event’s evidence', async () => {
    await page.goto(`${base}/#/graph`);
    await ready('graph');
    await expect.poll(() => page.locator('.edge-list li').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid=graph] canvas').first().isVisible()).toBe(true);
    expect(await page.locator('[data-testid=window-label]').textContent()).toMatch(/\d{4}-\d{2} — \d{4}-\d{2}/);
    await shot('graph-en');
    // Counting merged events instead of reports: each real event once, so no edge grows.
    const volume = async (): Promise<number> =>
      (await page.locator('.edge-list li .muted').allTextContents()).reduce((n, text) => n + Number(/\d+/.exec(text)?.[0] ?? 0), 0);
    const reports = await volume();
    await page.locator('[data-testid=graph-view]').selectOption('merged');
    await expect.poll(() => page.url()).toContain('view=merged');
    await expect.poll(volume).toBeLessThan(reports);
    await page.locator('[data-testid=graph-view]').selectOption('reports');
    await expect.poll(volume).toBe(reports);

    const edgeId = await page.evaluate(() => (globalThis as unknown as PageWindow).rasadGraph?.edges()[0]?.id() ?? '');
    const [a, b] = edgeId.split('|');
    await clickGraph('edge', edgeId);
    await ready('dyad');
    expect(page.url()).toContain(`#/dyad/${encodeURIComponent(a ?? '')}/${encodeURIComponent(b ?? '')}`);
    expect(await page.locator('[data-testid=timeline] canvas').isVisible()).toBe(true);
    // The dyad over merged events, as `rasad dyad` counts them: one row per real event.
    expect(await page.getAttribute('[data-testid=dyad]', 'data-view')).toBe('merged');
    const history = (await (await fetch(`${base}/api/dyads/${a ?? ''}/${b ?? ''}/history`)).json()) as { events: { total: number } };
    const rows = page.locator('[data-testid=dyad] table.events tbody tr');
    expect(await rows.count()).toBe(Math.min(50, history.events.total));
    expect(await rows.count()).toBeGreaterThan(0);
    await shot('dyad-en');

    await rows.first().locator('a[href^="#/event/"]').click();
    await ready('event');
    const text = page.locator('[data-testid=article-text]');
    expect(await text.isVisible()).toBe(true);
    expect(await text.locator('.hl-evidence').first().isVisible()).toBe(true);
    expect(await text.locator('.hl-source').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=outlet]').textContent()).not.toBe('');
    await shot('evidence-en');
  });

  it("shows the other reports of a merged event and opens one", async () => {
    const res = await fetch(`${base}/api/merged-events?minArticles=2&limit=1`);
    const merged = (await res.json()) as { items: { id: number }[] };
    const detail = (await (await fetch(`${base}/api/merged-events/${merged.items[0]?.id ?? 0}`)).json()) as { reports: { id: number }[] };
    const [own, other] = detail.reports;
    await page.goto(`${base}/#/event/${own?.id ?? 0}`);
    await ready('event');
    expect(await page.locator('[data-testid=merged-counts]').textContent()).toMatch(/Told by: \d+ reports · [2-9]\d* articles/);
    const rows = page.locator('[data-testid=other-reports] tbody tr');
    expect(await rows.count()).toBe(detail.reports.length - 1);
    await shot('evidence-merged');
    await page.locator(`[data-testid=other-reports] a[href="#/event/${other?.id ?? 0}"]`).first().click();
    await ready('event');
    expect(page.url()).toContain(`#/event/${other?.id ?? 0}`);
  });

  it('opens an actor profile from a node', async () => {
    await page.goto(`${base}/#/graph`);
    await ready('graph');
    await clickGraph('node', 'IRN');
    await ready('actor');
    expect(page.url()).toContain('#/actor/IRN');
    expect(await page.locator('[data-testid=actor] h1').textContent()).toContain('Iran');
    expect(await page.locator('table.partners tbody tr').count()).toBeGreaterThan(0);
  });

  it("ranks an actor's partners by volume or by balance, each with its trend", async () => {
    const profile = (await (await fetch(`${base}/api/actors/IRN/profile?limit=30`)).json()) as { byVolume: { partner: string }[]; byBalance: { partner: string }[] };
    await page.goto(`${base}/#/actor/IRN`);
    await ready('actor');
    const rows = page.locator('table.partners tbody tr');
    expect(await rows.count()).toBe(profile.byVolume.length);
    expect(await rows.first().getAttribute('data-partner')).toBe(profile.byVolume[0]?.partner);
    expect(await rows.first().locator('.trend').textContent()).toMatch(/warming|cooling|steady|too few periods/);
    await page.locator('[data-testid=partner-rank]').selectOption('balance');
    expect(await rows.first().getAttribute('data-partner')).toBe(profile.byBalance[0]?.partner);
    expect(await rows.last().getAttribute('data-partner')).toBe(profile.byBalance[profile.byBalance.length - 1]?.partner);
    await shot('actor-profile-en');
    await rows.first().locator('a').click();
    await ready('dyad');
    expect(page.url()).toContain(`#/dyad/IRN/${profile.byBalance[0]?.partner ?? ''}`);
  });

  it('switches to Arabic (right to left) and finds Iran from إيران, clitic forms included', async () => {
    await page.goto(`${base}/#/graph`);
    await ready('graph');
    await page.locator('[data-testid=lang-toggle]').click();
    await ready('graph');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await shot('graph-ar');

    await page.locator('[data-testid=search-input]').fill('إيران');
    await page.locator('[data-testid=search-input]').press('Enter');
    await ready('search');
    const first = page.locator('[data-testid=actor-hits] li').first();
    expect(await first.locator('a').textContent()).toBe('إيران');
    const evidence = await page.locator('[data-testid=search] .evidence-text').allTextContents();
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.some((e) => e.includes('وإيران'))).toBe(true);
    await shot('search-ar');

    await first.locator('a').click();
    await ready('actor');
    await shot('actor-ar');
    // Back to English for the tests after this one.
    await page.locator('[data-testid=lang-toggle]').click();
    await ready('actor');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
  });

  it('codes a pasted article live and shows its events', async () => {
    await page.goto(`${base}/#/code`);
    await ready('code');
    await page.locator('[data-testid=code-input]').fill(PASTED);
    const rows = page.locator('[data-testid=code-result] table.events tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const cells = await rows.allTextContents();
    expect(cells.some((c) => c.includes('Iran') && c.includes('Israel'))).toBe(true);
    expect(await page.locator('[data-testid=code-result] .article-text .hl-source').count()).toBeGreaterThan(0);
    await shot('code-en');
  });

  it('shows markup inside an article as text and never runs it', async () => {
    const res = await fetch(`${base}/api/events?outlet=${encodeURIComponent('وكالة الاختبار')}`);
    const events = (await res.json()) as EventPage;
    expect(events.items.length).toBeGreaterThan(0);
    await page.goto(`${base}/#/event/${events.items[0]?.id ?? 0}`);
    await ready('event');
    const text = page.locator('[data-testid=article-text]');
    expect(await text.textContent()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await page.locator('[data-testid=evidence] img').count()).toBe(0);
    await shot('markup-evidence');

    await page.goto(`${base}/#/code`);
    await ready('code');
    await page.locator('[data-testid=code-input]').fill(MARKUP_ARTICLE);
    await expect.poll(() => page.locator('[data-testid=code-result] .article-text').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid=code-result] .article-text').textContent()).toContain('<img src=x');
    expect(await page.locator('[data-testid=code-result] img').count()).toBe(0);
    // Give a broken image's onerror every chance to fire before looking for its flag.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).__xss)).toBeUndefined();
  });

  it('stores a pasted article only once the token is entered, with a clear message before', async () => {
    const stored = async (): Promise<number> => ((await (await fetch(`${base}/api/events?outlet=${encodeURIComponent('UI Test Wire')}`)).json()) as EventPage).total;
    await page.goto(`${base}/#/code`);
    await ready('code');
    expect(await page.locator('[data-testid=token-state]').textContent()).toBe('not set');
    await page.locator('[data-testid=code-input]').fill(TO_STORE);
    await page.locator('[data-testid=store-article]').click();
    const needed = page.locator('[data-testid=store-status] [data-testid=token-needed]');
    await needed.waitFor({ timeout: 15_000 });
    expect(await needed.textContent()).toContain('enter it under Token');
    expect(await page.locator('[data-testid=store-status]').textContent()).toContain('401');
    expect(await stored()).toBe(0);
    await shot('store-without-token');

    // A wrong token: the message says to check it.
    await page.locator('[data-testid=token-toggle]').click();
    await page.locator('[data-testid=token-input]').fill('not-the-token');
    await page.locator('[data-testid=token-save]').click();
    await ready('code');
    await page.locator('[data-testid=store-article]').click();
    await needed.waitFor({ timeout: 15_000 });
    expect(await needed.textContent()).toContain('did not accept');

    await page.locator('[data-testid=token-toggle]').click();
    await page.locator('[data-testid=token-input]').fill(TOKEN);
    await page.locator('[data-testid=token-save]').click();
    await ready('code');
    expect(await page.locator('[data-testid=token-state]').textContent()).toBe('set');
    // The pasted text survives the page drawing itself again; the token stays in this tab only.
    expect(await page.locator('[data-testid=code-input]').inputValue()).toBe(TO_STORE);
    const kept = await page.evaluate(() => {
      const { sessionStorage: tab, localStorage: device } = globalThis as unknown as PageWindow;
      return [tab.getItem('rasad.token'), device.getItem('rasad.token')];
    });
    expect(kept).toEqual([TOKEN, null]);
    await page.locator('[data-testid=store-article]').click();
    const ok = page.locator('[data-testid=store-ok]');
    await ok.waitFor({ timeout: 15_000 });
    expect(await ok.textContent()).toMatch(/^Stored: [1-9]\d* Events/);
    expect(await stored()).toBeGreaterThan(0);
    await shot('store-with-token');
    await page.locator('[data-testid=store-article]').click();
    await expect.poll(() => ok.textContent(), { timeout: 15_000 }).toContain('Already stored');

    await page.locator('[data-testid=token-toggle]').click();
    await page.locator('[data-testid=token-forget]').click();
    await ready('code');
    expect(await page.locator('[data-testid=token-state]').textContent()).toBe('not set');
  });
});
