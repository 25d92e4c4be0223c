import type { Locale } from '../../../backend-adapter/src/protocol/common';
import { BOOT, toLocale } from '../i18n/boot';
import { ProtocolClient } from './client';
import type { Pack } from './packs';

/**
 * What guichet.js itself holds: the elements, which fetch their form's definition and its pack (the kind's
 * code, its strings and the core, one chunk) in parallel, then hand over to the pack. Until then the host's
 * no-JS form (or a placeholder of the same height) stays; if either cannot be fetched, the no-JS form keeps
 * working, or a retry is offered.
 */
async function boot(host: HTMLElement, locale: Locale, loadPack: (locale: Locale) => Promise<Pack>) {
  const inner = host.querySelector('form');
  const words = BOOT[locale];
  const client = new ProtocolClient(host.getAttribute('base') ?? '', locale);
  host.dataset.state = 'loading';
  // Our own constant words, so markup is safe here; the form's chunk, with its DOM builder, is not there yet.
  if (!inner) host.innerHTML = `<p class="g-loading" role="status">${words.loading}</p>`;
  try {
    const [def, pack] = await Promise.all([client.form(host.getAttribute('form') ?? ''), loadPack(locale)]);
    pack.start(host, pack, client, def);
  } catch {
    // With the no-JS form still there the payer loses nothing: it posts to the host as without JavaScript.
    if (inner) return void (host.dataset.state = 'fallback');
    host.dataset.state = 'failed';
    host.innerHTML = `<div class="g-root" role="alert"><p>${words.loadFailed}</p><button type="button" class="g-button g-secondary">${words.retry}</button></div>`;
    (host.querySelector('button') as HTMLButtonElement).onclick = () => void boot(host, locale, loadPack);
  }
}

/** Registers `tag` for a kind once, however many times the script is included. */
export function defineForm(tag: string, loadPack: (locale: Locale) => Promise<Pack>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #started = false;
      connectedCallback(): void {
        if (this.#started) return;
        this.#started = true;
        this.classList.add('guichet');
        // The closest [lang] is <html> itself when only the page names its language.
        void boot(this, toLocale(this.closest('[lang]')?.getAttribute('lang')), loadPack);
      }
    },
  );
}
