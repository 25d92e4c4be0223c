import type { OrderHooks } from '../orders';
import type { ReceiptService } from '../receipts';
import type { HostSite } from './sites';

/** Tax receipts plugged into the orders service: issued as orders change, shown in the order status. */
export function receiptHooks(receipts: ReceiptService, sites: ReadonlyMap<string, HostSite>): OrderHooks {
  return {
    orderChanged: async (site, order) => {
      const host = sites.get(site.id);
      if (host) await receipts.onOrderChanged(host, order);
    },
    issuedReceipt: async (site, order) => {
      const host = sites.get(site.id);
      return host && order.kind !== 'tickets' ? receipts.issuedReceipt(host, order.id) : null;
    },
  };
}
