import { parisDate } from '../domain/receipts';
import { sweep, type OrdersDeps, type OrdersLog, type SiteContext } from '../orders';
import type { ReceiptService, ReceiptSite } from '../receipts';

/**
 * The periodic job (docs/protocol.md §14.8): expires orders whose hold or session ran out and reconciles
 * pending ones with their providers, then runs the extra tasks given (the annual receipts). One pass at a
 * time; a failed pass is logged and the next one tries again.
 */
export function startJobs(
  deps: OrdersDeps,
  sites: ReadonlyMap<string, SiteContext>,
  opts: { intervalMs: number; reconcileAfterMs: number },
  extra: readonly (() => Promise<void>)[] = [],
): { stop(): Promise<void>; runOnce(): Promise<void> } {
  let running: Promise<void> | null = null;
  const runOnce = () => {
    running ??= sweep(deps, sites, { reconcileAfterMs: opts.reconcileAfterMs, batch: 200 })
      .then((done) => {
        if (done.expired || done.reconciled) deps.log.info(done, 'orders swept');
      })
      .catch((err: unknown) => deps.log.error({ err }, 'order sweep failed'))
      .then(async () => {
        for (const task of extra) await task().catch((err: unknown) => deps.log.error({ err }, 'job failed'));
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = opts.intervalMs > 0 ? setInterval(() => void runOnce(), opts.intervalMs) : null;
  timer?.unref();
  return {
    runOnce,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

/**
 * In January (Europe/Paris), each site's annual receipts for the previous year: once per site and year in
 * this process, and harmless after a restart since each donor's receipt has its issue key.
 */
export function annualReceiptsTask(
  receipts: ReceiptService,
  sites: ReadonlyMap<string, ReceiptSite>,
  now: () => Date,
  log: OrdersLog,
): () => Promise<void> {
  const done = new Map<string, number>();
  return async () => {
    const today = parisDate(now());
    if (today.slice(5, 7) !== '01') return;
    const year = Number(today.slice(0, 4)) - 1;
    for (const site of sites.values()) {
      if (done.get(site.id) === year || receipts.issuerProblems(site).length > 0) continue;
      const issued = await receipts.issueAnnual(site, year);
      done.set(site.id, year);
      log.info({ site: site.id, year, issued }, 'annual receipts run');
    }
  };
}
