import type { SiteContext } from '../../orders';

/** Query parameters that bring a payer back to an order's status (docs/protocol.md §5). */
export const RETURN_PARAMS = { order: 'guichet_order', token: 'guichet_token' } as const;

/** The URL when it is a page of one of the site's own origins, else null: never an open redirect. */
export function sitePage(site: SiteContext, candidate: string | undefined): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    if (!site.origins.includes(url.origin)) return null;
    url.hash = '';
    url.searchParams.delete(RETURN_PARAMS.order);
    url.searchParams.delete(RETURN_PARAMS.token);
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * The page the payer came from: the form's hidden `returnUrl` (needed when the browser's referrer policy sends
 * only the origin to another host), then the Referer, then the site's home page.
 */
export function returnPage(
  site: SiteContext,
  posted: string | undefined,
  referer: string | undefined,
): string {
  return (
    sitePage(site, posted) ??
    sitePage(site, referer) ??
    (site.origins[0] ? `${site.origins[0]}/` : `${site.baseUrl()}/`)
  );
}

export function withOrder(page: string, orderId: string, token: string): string {
  const url = new URL(page);
  url.searchParams.set(RETURN_PARAMS.order, orderId);
  url.searchParams.set(RETURN_PARAMS.token, token);
  return url.toString();
}
