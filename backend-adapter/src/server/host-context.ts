import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../protocol';
import { OrderError, type OrdersDeps } from '../orders';
import type { ReceiptService } from '../receipts';
import type { ResolvedConfig } from './config/resolved-config';
import type { HostSite } from './sites';

/** What every route of the Node host works with. */
export interface HostContext {
  readonly deps: OrdersDeps;
  readonly sites: ReadonlyMap<string, HostSite>;
  readonly config: ResolvedConfig;
  readonly publicUrl: () => string;
  /** Throws rate_limited when this IP starts orders too fast (shared by every route that starts one). */
  readonly throttleOrders: (ip: string) => void;
  readonly receipts: ReceiptService;
}

/** The site named in the path; an unknown one answers like the missing thing the route was looking for. */
export function siteOf(host: HostContext, request: FastifyRequest, missing: ErrorCode): HostSite {
  const { site } = request.params as { site?: string };
  const found = site === undefined ? undefined : host.sites.get(site);
  if (!found) throw new OrderError(missing);
  return found;
}
