/** The editor's view of a block: a stable form id and the parts of FormConfig the sidebar edits. */
export type Text = string;

export interface CommonConfig {
  title: Text;
  description: Text;
  currency: string;
  coverFees: boolean;
  offlineMethods: string[];
  taxReceipt?: { enabled: boolean; scheme: 'general' | 'coluche' };
}

export interface DonationConfig extends CommonConfig {
  donation: {
    presets: number[];
    presetsMonthly?: number[];
    defaultAmount?: number;
    allowCustomAmount: boolean;
    minimum: number;
    maximum: number;
    frequencies: string[];
    defaultFrequency?: string;
    goal?: number;
    allowAnonymous: boolean;
    allowDedication: boolean;
  };
}

export interface Tier {
  id: string;
  name: Text;
  period: string;
  price: { type: 'fixed'; amount: number } | { type: 'range'; minimum: number; maximum: number };
  per: 'member' | 'order';
}

export interface MembershipConfig extends CommonConfig {
  membership: { tiers: Tier[]; maxMembers: number; allowExtraDonation: boolean; autoRenew: boolean };
}

export interface TicketType {
  id: string;
  name: Text;
  price: number;
  quota?: number;
}

export interface PromoCode {
  code: string;
  discount: { type: 'percent'; percentBps: number } | { type: 'amount'; amount: number };
}

export interface TicketsConfig extends CommonConfig {
  tickets: {
    event?: { startsAt: string; location?: Text };
    types: TicketType[];
    maxPerOrder: number;
    attendeeNames: boolean;
    promoCodes: PromoCode[];
  };
}

export interface BlockProps<C> {
  attributes: { formId: string; config: C };
  setAttributes: (changes: Partial<{ formId: string; config: C }>) => void;
  clientId: string;
}
