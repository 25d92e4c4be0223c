import type { FormConfig } from '../protocol';
import { resolveText } from '../domain';
import type { HostContext } from './host-context';
import { siteBasePath } from './sites';

const ELEMENT: Record<FormConfig['kind'], string> = {
  donation: 'guichet-donation',
  membership: 'guichet-membership',
  tickets: 'guichet-tickets',
};

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * The demo page of the first site: each of its forms as the custom element an editor would place, loading the
 * widget bundle from this host. Simulation test cards are listed so anyone can pay without an account.
 */
export function demoPage(host: HostContext, opts: { widgetsBuilt: boolean }): string {
  const site = [...host.sites.values()][0];
  if (!site) return '<!doctype html><title>Guichet</title><p>No site configured.</p>';
  const base = siteBasePath(site.id);
  const forms = [...site.forms.values()]
    .map(
      (form) => `
    <section aria-labelledby="h-${escape(form.id)}">
      <h2 id="h-${escape(form.id)}">${escape(resolveText(form.title, 'fr'))}</h2>
      <${ELEMENT[form.kind]} base="${escape(base)}" form="${escape(form.id)}" lang="fr"></${ELEMENT[form.kind]}>
    </section>`,
    )
    .join('\n');
  const missing = opts.widgetsBuilt
    ? ''
    : '<p role="alert">Le bundle des widgets n’est pas construit : lancez <code>node shared-widgets/build.mjs</code>.</p>';
  return `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(site.organization.name)} — démo Guichet</title>
  <link rel="stylesheet" href="/widgets/guichet.css">
  <script type="module" src="/widgets/guichet.js"></script>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1d2a1f; }
    h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; }
    .cards { background: #f1f6ee; border-radius: .5rem; padding: .75rem 1rem; }
    code { font-size: .95em; }
  </style>
</head>
<body>
  <header>
    <h1>${escape(site.organization.name)}</h1>
    <p>Démonstration de Guichet : dons, adhésions et billetterie payés directement sur le compte de l’association.</p>
  </header>
  ${missing}
  <aside class="cards" aria-label="Cartes de test">
    <p><strong>Paiement simulé</strong> (aucun argent réel) : <code>4242 4242 4242 4242</code> accepté,
    <code>4000 0000 0000 0002</code> refusé, <code>4000 0027 6000 3184</code> authentification 3-D Secure,
    <code>4000 0000 0000 0077</code> règlement différé.</p>
  </aside>
  <main>${forms}
  </main>
</body>
</html>
`;
}
