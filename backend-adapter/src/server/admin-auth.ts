import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { OrderError } from '../orders';
import type { HostSite } from './sites';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The back-office bearer token of the site, compared in constant time (digests of equal length, so neither
 * the content nor the length of the token leaks through timing). No token configured: nobody gets in.
 */
export function requireAdmin(site: HostSite, request: FastifyRequest): void {
  const header = request.headers.authorization;
  const presented = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  if (!presented) throw new OrderError('unauthorized');
  if (site.adminToken === null || !timingSafeEqual(digest(presented), digest(site.adminToken))) {
    throw new OrderError('forbidden');
  }
}
