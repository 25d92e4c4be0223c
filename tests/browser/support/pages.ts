export interface WidgetPageOptions {
  title: string;
  lang?: 'fr' | 'en';
  /** The widget elements (and their no-JS forms), as a host would print them. */
  body: string;
  /** Extra CSS for the page (a theme), e.g. a dark one. */
  style?: string;
  /** Where the widget bundle is served (the Node host's `/widgets`). */
  assets: string;
}

/**
 * A page as a host prints it: the stylesheet in the head (so space is reserved before the script runs),
 * the module script once, then any number of widget elements.
 */
export function widgetPage({ title, lang = 'fr', body, style = '', assets }: WidgetPageOptions): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${assets}/guichet.css">
<script type="module" src="${assets}/guichet.js"></script>
<style>body{margin:0;padding:1rem;font-family:system-ui,sans-serif;line-height:1.4}main{max-width:48rem;margin:0 auto}${style}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/** `<guichet-… base form>` with an optional no-JS form inside. */
export function element(
  tag: string,
  attrs: { base: string; form: string; lang?: string },
  inner = '',
): string {
  const lang = attrs.lang ? ` lang="${attrs.lang}"` : '';
  return `<${tag} base="${attrs.base}" form="${attrs.form}"${lang}>${inner}</${tag}>`;
}
