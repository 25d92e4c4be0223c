import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { validateReceiptIssuer, type ReceiptIssuer, type SignatureImage } from '../../domain/receipts';
import type { ReceiptSettings } from '../../receipts';
import type { SiteConfig } from './config-schema';

const IMAGE_TYPES: Record<string, SignatureImage['type']> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/**
 * A site's receipt settings: the issuer from `organization.receipts` (checked by the domain, the signature
 * image read now and kept as base64) and the key of the signed PDF links from the environment.
 */
export function resolveReceipts(
  site: SiteConfig,
  at: string,
  ctx: { env: Record<string, string | undefined>; problems: string[]; notices: string[]; baseDir: string },
): ReceiptSettings {
  const config = site.organization.receipts;
  let linkSecret = config?.linkSecretEnv ? ctx.env[config.linkSecretEnv] : undefined;
  if (linkSecret !== undefined && linkSecret.length < 32) {
    ctx.problems.push(`${at}.linkSecretEnv: ${config?.linkSecretEnv} must hold at least 32 characters`);
  }
  if (!linkSecret) {
    // Links given out before a restart stop working; the order status always shows a fresh one.
    linkSecret = randomBytes(32).toString('hex');
    if (config) {
      ctx.notices.push(
        `site ${site.id}: receipt link secret generated for this run (set ${config.linkSecretEnv ?? 'linkSecretEnv'})`,
      );
    }
  }
  if (!config) return { issuer: null, linkSecret };
  const issuer: ReceiptIssuer = {
    name: site.organization.name,
    address: config.address,
    object: config.object,
    status: config.status,
    signatory: config.signatory,
  };
  if (config.statusDetail !== undefined) issuer.statusDetail = config.statusDetail;
  if (config.prefix !== undefined) issuer.prefix = config.prefix;
  if (config.signatureImagePath !== undefined) {
    const path = isAbsolute(config.signatureImagePath)
      ? config.signatureImagePath
      : resolve(ctx.baseDir, config.signatureImagePath);
    const type = IMAGE_TYPES[extname(path).toLowerCase()];
    if (!type) ctx.problems.push(`${at}.signatureImagePath: a .png, .jpg or .jpeg file`);
    else {
      try {
        issuer.signatureImage = { type, data: readFileSync(path).toString('base64') };
      } catch (err) {
        ctx.problems.push(
          `${at}.signatureImagePath: cannot read ${path}: ${(err as NodeJS.ErrnoException).code}`,
        );
      }
    }
  }
  for (const problem of validateReceiptIssuer(issuer)) {
    const field = problem.field === 'signatureImage' ? 'signatureImagePath' : problem.field;
    ctx.problems.push(
      `${at}.${field}: ${problem.code}${problem.params ? ` ${JSON.stringify(problem.params)}` : ''}`,
    );
  }
  return { issuer, linkSecret };
}
