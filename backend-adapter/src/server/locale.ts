import type { FastifyRequest } from 'fastify';
import type { Locale } from '../protocol';

const isLocale = (value: unknown): value is Locale => value === 'fr' || value === 'en';

/**
 * The payer's language (docs/protocol.md §2): the body's `locale`, then `?locale=`, then Accept-Language by
 * quality, then the site's. Used for error messages too, even when the body could not be read.
 */
export function requestLocale(request: FastifyRequest, siteLocale: Locale = 'fr'): Locale {
  const body = request.body as { locale?: unknown } | undefined;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body) && isLocale(body.locale)) return body.locale;
  const query = request.query as { locale?: unknown } | undefined;
  if (isLocale(query?.locale)) return query.locale;
  return acceptLanguage(request.headers['accept-language']) ?? siteLocale;
}

/** The first supported primary tag by quality: `fr-FR,fr;q=0.9,en;q=0.8` → fr. */
export function acceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.find((entry) => isLocale(entry.primary))?.primary as Locale | undefined) ?? null;
}
