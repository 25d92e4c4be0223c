import { sweep, type OrdersDeps, type SiteContext } from '../orders';

/**
 * The periodic job (docs/protocol.md §14.8): expires orders whose hold or session ran out and reconciles
 * pending ones with their providers. One pass at a time; a failed pass is logged and the next one tries again.
 */
export function startJobs(
  deps: OrdersDeps,
  sites: ReadonlyMap<string, SiteContext>,
  opts: { intervalMs: number; reconcileAfterMs: number },
): { stop(): Promise<void>; runOnce(): Promise<void> } {
  let running: Promise<void> | null = null;
  const runOnce = () => {
    running ??= sweep(deps, sites, { reconcileAfterMs: opts.reconcileAfterMs, batch: 200 })
      .then((done) => {
        if (done.expired || done.reconciled) deps.log.info(done, 'orders swept');
      })
      .catch((err: unknown) => deps.log.error({ err }, 'order sweep failed'))
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
