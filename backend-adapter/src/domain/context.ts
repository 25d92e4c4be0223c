import type { Locale } from '../protocol';
import type { LineLabels } from './pricing/labels';

/** What the rules need from the world besides the form and the request; hosts build it per request. */
export interface OrderContext {
  /** The instant the order is taken: sales windows, promo code expiry and holds are judged against it. */
  now: Date;
  /** Language of labels and of the amounts formatted inside error parameters. */
  locale: Locale;
  /**
   * Seats left for a ticket type right now (quota − sold − active holds); null: unlimited. Absent: the
   * configured quota is taken as fully available (nothing sold yet), which is only right for previews.
   */
  availability?: (typeId: string) => number | null;
  /** How many paid or pending orders already used a promo code (case as configured). Absent: 0. */
  promoUses?: (code: string) => number;
  /** Overrides of the built-in FR/EN line labels (a host's own translations). */
  labels?: Partial<LineLabels>;
}
