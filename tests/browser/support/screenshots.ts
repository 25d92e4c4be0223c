import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(__dirname, '../../../artifacts/screenshots');
export const WIDTHS = [375, 1280] as const;

/**
 * Full-page screenshots at phone and desktop width, kept as test artefacts
 * (artifacts/screenshots/<name>-375.png, <name>-1280.png). The viewport is put back afterwards.
 */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize();
  const files: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const file = join(SCREENSHOT_DIR, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    files.push(file);
  }
  if (before) await page.setViewportSize(before);
  return files;
}
