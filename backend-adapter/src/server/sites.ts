import type { Locale } from '../protocol';
import { ROUTES } from '../protocol';
import { createProviders } from '../providers';
import type { SiteContext } from '../orders';
import type { ReceiptSettings } from '../receipts';
import type { ResolvedSite } from './config/resolved-config';

/** A site as the HTTP layer needs it: the orders service's view plus its language, back-office token and receipts. */
export interface HostSite extends SiteContext {
  readonly locale: Locale;
  readonly adminToken: string | null;
  readonly receipts: ReceiptSettings;
}

/** Where sites are served: `{publicUrl}/v1/sites/{id}` is each site's protocol `{base}`. */
export const siteBasePath = (siteId: string) => `/v1/sites/${encodeURIComponent(siteId)}`;

/**
 * Builds each site's providers from its settings (the registry decides which exist). `publicUrl` is asked
 * lazily: with port 0 it is known only once the server listens.
 */
export function createSites(
  sites: readonly ResolvedSite[],
  opts: {
    publicUrl: () => string;
    now: () => Date;
    stripe?: { maxNetworkRetries?: number; timeoutMs?: number };
  },
): Map<string, HostSite> {
  const result = new Map<string, HostSite>();
  for (const site of sites) {
    const baseUrl = () => `${opts.publicUrl()}${siteBasePath(site.id)}`;
    const providers = createProviders(site.providers, {
      confirmUrl: (orderId) => `${baseUrl()}${ROUTES.simulationConfirm(orderId)}`,
      now: opts.now,
      ...(opts.stripe ? { stripe: opts.stripe } : {}),
    });
    result.set(site.id, {
      id: site.id,
      organization: site.organization,
      origins: site.origins,
      forms: new Map(site.forms.map((form) => [form.id, form])),
      providers,
      baseUrl,
      locale: site.locale,
      adminToken: site.adminToken,
      receipts: site.receipts,
    });
  }
  return result;
}
