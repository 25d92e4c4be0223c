/**
 * Removes secrets from text that may reach a log or an error answer (a provider's error message can quote the
 * key it was given). Both the site's own secrets and anything shaped like a Stripe secret are masked.
 */
const SECRET_SHAPES = /\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9*]+|\bwhsec_[A-Za-z0-9*]+/g;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out.replace(SECRET_SHAPES, '[redacted]');
}
