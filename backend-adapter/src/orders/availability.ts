import type { Storage } from '../storage';

/** Seats left per ticket type right now (quota − sold − live holds), as the domain's `availability` wants it. */
export async function seatsLeft(
  storage: Storage,
  site: string,
  formId: string,
  now: Date,
): Promise<(typeId: string) => number | null> {
  const levels = await storage.stock(site, formId, now);
  const left = new Map(
    levels.map((l) => [l.typeId, l.quota === null ? null : Math.max(0, l.quota - l.sold - l.held)]),
  );
  return (typeId) => left.get(typeId) ?? null;
}
