// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, shared by the
// browser tests and bench/viewer.ts (so: no DOM typings in this file; see page.ts for those). WebGL runs on SwiftShader (software), which recent
// Chromium only allows with --enable-unsafe-swiftshader.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL without a GPU:
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'yjkg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 860 },
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface ExplorerPage {
  page: Page;
  errors: string[];
}

/** Opens an explorer page (file:// or http://) and waits until it reports itself interactive. */
export async function openExplorer(context: BrowserContext, url: string, timeoutMs = 120_000): Promise<ExplorerPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(url);
  // No DOM typings here (bench/ compiles this file with the Node lib): read the page's state untyped.
  await page.waitForFunction(
    () => {
      const state = (globalThis as { __yjkg?: { ready: boolean; error?: string } }).__yjkg;
      return state?.ready === true || state?.error !== undefined;
    },
    null,
    { timeout: timeoutMs },
  );
  const error = await page.evaluate(() => (globalThis as { __yjkg?: { error?: string } }).__yjkg?.error);
  if (error) throw new Error(`explorer failed: ${error}`);
  return { page, errors };
}
