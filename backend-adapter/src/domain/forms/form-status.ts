import type { FormConfig, FormStatus } from '../../protocol';

/**
 * Whether a form takes orders at `now`, before looking at any seat: closed by the editor, outside the sales
 * window (opening instant inclusive, closing instant exclusive). Sold out is judged from availability.
 */
export function scheduleStatus(form: FormConfig, now: Date): Exclude<FormStatus, 'sold_out'> {
  if (form.closed === true) return 'closed';
  if (form.kind !== 'tickets' || form.tickets.salesWindow === undefined) return 'open';
  const { opensAt, closesAt } = form.tickets.salesWindow;
  if (opensAt !== undefined && now.getTime() < Date.parse(opensAt)) return 'not_yet_open';
  if (closesAt !== undefined && now.getTime() >= Date.parse(closesAt)) return 'closed';
  return 'open';
}
