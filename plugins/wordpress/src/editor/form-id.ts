import { useEffect } from '@wordpress/element';

/**
 * Gives a newly inserted block its stable form id once: orders, quotas and totals attach to that id on the
 * server, so it must never change afterwards (a duplicated block keeps it and shows the same form).
 */
export function useFormId(kind: string, formId: string, setFormId: (id: string) => void): void {
  useEffect(() => {
    if (formId === '') {
      const random = Math.random().toString(36).slice(2, 10);
      setFormId(`${kind}-${random}`);
    }
  }, [kind, formId, setFormId]);
}

/** Ids for ticket types and tiers, from their names ("Tarif réduit" → "tarif-reduit"). */
export function slug(text: string, taken: string[]): string {
  const base =
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'item';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
