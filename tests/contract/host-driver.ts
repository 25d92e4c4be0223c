import type { FormConfig } from '../../backend-adapter/src/protocol';

/**
 * How the contract suite drives a host. The suite only speaks protocol v1 over HTTP to `baseUrl`; a driver
 * says how to start the host, how to put a form on its test site, and a few test-only abilities. The Node host
 * is the first driver (drivers/node-driver.ts); the WordPress and SPIP hosts plug in the same way.
 */
export interface HostDriver {
  readonly name: string;
  /** The storage flavours this host can run on now ('sqlite', 'postgres', 'mariadb'…), or why one is skipped. */
  storages(): { name: string; skip?: string }[];
  start(options: HostStartOptions): Promise<RunningHost>;
}

export interface HostStartOptions {
  storage: string;
  /** Stripe as the host must configure it for the site: the emulator's API base and keys. */
  stripe: { apiBase: string; secretKey: string; publishableKey: string; webhookSecret: string };
  /** The site's simulation secret (≥ 16 characters): the suite signs simulation events with it. */
  simulationSecret: string;
  /** Origin the site must allow (CORS, return URLs). */
  origin: string;
}

export interface RunningHost {
  /** The test site's protocol `{base}`, no trailing slash (`http://127.0.0.1:PORT/v1/sites/contract`). */
  readonly baseUrl: string;
  /** Adds or replaces a form on the test site, as an editor would save it. */
  installForm(config: FormConfig): Promise<void>;
  /** How many orders the site has stored, whatever their status: proves a refused request stored nothing. */
  orderCount(): Promise<number>;
  /** Moves the host's clock forward; scenarios about expiry and delayed settlement skip without it. */
  advanceClock?(ms: number): Promise<void>;
  /** Runs the host's periodic job (expire holds, reconcile pending orders) now. */
  runJobs?(): Promise<void>;
  /** Back-office access, for hosts whose back-office API the suite knows (optional). */
  readonly admin?: { baseUrl: string; headers: Record<string, string> };
  stop(): Promise<void>;
}
