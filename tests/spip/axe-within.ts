import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const AXE_PATH = join(__dirname, '../../node_modules/axe-core/axe.min.js');

/**
 * axe-core (WCAG 2.0–2.2 A/AA and best practices) on the part of a page that is ours, the elements `selector`
 * finds: the rest of a SPIP page is the site's theme (here squelettes-dist), not the plugin's to answer for.
 */
export async function expectAccessibleWithin(page: Page, selector: string, step: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(
    (include) =>
      (
        window as unknown as {
          axe: { run: (context: object, options: object) => Promise<AxeResults> };
        }
      ).axe.run({ include: [include] }, { resultTypes: ['violations'] }),
    selector,
  );
  const report = results.violations.map(
    (v) =>
      `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
        .join('\n')}`,
  );
  if (report.length) throw new Error(`axe-core at "${step}" (${selector}):\n${report.join('\n')}`);
}
