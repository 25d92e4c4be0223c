import type { FormConfig, Locale } from '../../protocol';
import type { ProviderSettings } from '../../providers';
import type { StorageConfig } from '../../storage';
import type { ReceiptSettings } from '../../receipts';

/** The configuration once read, checked, defaulted and given its secrets from the environment. */
export interface ResolvedConfig {
  listen: { host: string; port: number };
  publicUrl: string | null;
  trustProxy: boolean;
  storage: StorageConfig;
  limits: { bodyBytes: number; webhookBodyBytes: number; ordersPerMinute: number; ordersBurst: number };
  jobs: { intervalMs: number; reconcileAfterMs: number };
  /** Absolute directory of the built widget bundle, or null when none is served. */
  widgetsDir: string | null;
  demoPage: boolean;
  sites: ResolvedSite[];
}

export interface ResolvedSite {
  id: string;
  origins: string[];
  organization: { name: string };
  locale: Locale;
  /** Bearer token of the back-office API; null: the back-office is closed for this site. */
  adminToken: string | null;
  providers: ProviderSettings;
  forms: FormConfig[];
  receipts: ReceiptSettings;
}

/** The protocol's limits (docs/protocol.md §2) and gentle defaults for one association's traffic. */
export const DEFAULT_LIMITS: ResolvedConfig['limits'] = {
  bodyBytes: 128 * 1024,
  webhookBodyBytes: 1024 * 1024,
  ordersPerMinute: 30,
  ordersBurst: 10,
};
