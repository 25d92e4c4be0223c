import type { Locale } from '../../protocol';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every text and attribute value a page prints goes through here: payers type what they like. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** Markup already escaped, built only with `html` below. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.markup;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(part as string | number);
}

/** A template tag that escapes every interpolated value unless it is already `Html`. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(
    strings.reduce((out, chunk, i) => out + chunk + (i < parts.length ? render(parts[i]) : ''), ''),
  );
}

// Small, readable in light and dark, no external resource (fonts, images, scripts): the page works offline.
const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
body{max-width:36rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}
label{display:block;font-weight:600;margin-top:1rem}
input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid currentColor;border-radius:.375rem}
button{font:inherit;margin-top:1rem;margin-right:.5rem;padding:.6rem 1.2rem;border-radius:.375rem;border:2px solid currentColor;cursor:pointer}
button[value="approve"],button[type=submit]:first-of-type{background:#1d4ed8;color:#fff;border-color:#1d4ed8}
:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.error{border-left:4px solid #b91c1c;padding-left:1rem}
dt{font-weight:600}dd{margin:0 0 .5rem}
.hint{font-size:.9rem}
`;

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

export function page(opts: { lang: Locale; title: string; body: Html }): string {
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(opts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${opts.body.markup}
</main>
</body>
</html>
`;
}
