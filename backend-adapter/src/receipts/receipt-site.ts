import type { FormConfig } from '../protocol';
import type { ReceiptIssuer } from '../domain/receipts';

/** A site's receipt settings, as the host resolved them from its configuration. */
export interface ReceiptSettings {
  /** Null: the association has not filled in the issuer settings, so nothing is issued. */
  readonly issuer: ReceiptIssuer | null;
  /** Key of the signed PDF links (HMAC); never printed, never sent to a browser. */
  readonly linkSecret: string;
}

/** What the receipts service needs to know about a site. */
export interface ReceiptSite {
  readonly id: string;
  readonly forms: ReadonlyMap<string, FormConfig>;
  readonly receipts: ReceiptSettings;
  /** Absolute URL of the site's protocol base (`…/v1/sites/{id}`). */
  baseUrl(): string;
}
