import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const AXE_PATH = join(__dirname, '../../../node_modules/axe-core/axe.min.js');

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `      ${node.target.join(' ')}\n        ${node.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`,
    )
    .join('\n');
  return `  [${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A/AA and best practices) on the page as it is now and fails with a readable
 * list when anything is violated. `step` names the moment in the report.
 */
export async function expectAccessible(page: Page, step: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  if (results.violations.length) {
    throw new Error(
      `axe-core: ${results.violations.length} violation(s) at "${step}":\n${results.violations.map(describe).join('\n')}`,
    );
  }
}
