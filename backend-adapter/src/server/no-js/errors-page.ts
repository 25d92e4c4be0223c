import { fieldLabel, type Locale } from '../../protocol';
import type { OrderError } from '../../orders';
import { errorBody } from '../error-response';
import { html, page } from './html';
import type { PostedFields } from './posted-fields';
import { texts } from './texts';

/**
 * What the payer sees when the orders service refused a no-JS form: every problem in their language, each
 * with its field and what they had typed, and a way back. Nothing was charged.
 */
export function errorsPage(opts: {
  error: OrderError;
  locale: Locale;
  fields: PostedFields;
  back: string;
}): string {
  const t = texts(opts.locale);
  const { error } = errorBody(opts.error, opts.locale);
  const problems = error.errors ?? [];
  const title = problems.length ? t.errorsTitle : t.failedTitle;
  const items = problems.map((problem) => {
    const name = problem.field === undefined ? undefined : postedName(problem.field, opts.fields);
    const typed = name === undefined ? undefined : opts.fields[name];
    return html`<li>
      ${labelled(problem.message, problem.field === undefined ? undefined : fieldLabel(problem.field, opts.locale))}${
        typed === undefined
          ? ''
          : html`<br /><span>${t.typed} <q>${typed.trim() === '' ? t.nothingTyped : typed}</q></span>`
      }
    </li>`;
  });
  const body = html`<h1>${title}</h1>
    <div class="error">
      <p>${problems.length ? t.errorsIntro : error.message}</p>
      ${
        problems.length
          ? html`<ul>
              ${items}
            </ul>`
          : ''
      }
    </div>
    <p><a href="${opts.back}">${t.back}</a></p>
    <p class="hint">${t.backHint}</p>`;
  return page({ lang: opts.locale, title: `${title} — ${error.message}`, body });
}

/** The catalogue's message names its field first ("E-mail : …"): that name in bold, else the name added. */
function labelled(message: string, label: string | undefined) {
  if (label === undefined) return message;
  if (message.startsWith(label)) return html`<strong>${label}</strong>${message.slice(label.length)}`;
  return html`<strong>${label}</strong> — ${message}`;
}

/** The posted name a request field came from (shared-widgets/README.md), to show what was typed there. */
function postedName(field: string, fields: PostedFields): string | undefined {
  const payerPart = /^membership\.members\.0\.(firstName|lastName)$/.exec(field)?.[1];
  const candidates = [
    payerPart ? `payer.${payerPart}` : field,
    field === 'donation.amount' ? 'donation.customAmount' : null,
    field === 'membership.amount' ? 'membership.customAmount' : null,
  ];
  // An amount picked among radios is in minor units ("2500"): not what the payer typed, so not shown.
  return candidates.find((name): name is string => !!name && name !== 'donation.amount' && name in fields);
}
