/** Paths of protocol v1, relative to a host's base URL (e.g. `https://asso.example/wp-json/guichet/v1`). */
export const ROUTES = {
  form: (formId: string) => `/forms/${encodeURIComponent(formId)}`,
  createOrder: (formId: string) => `/forms/${encodeURIComponent(formId)}/orders`,
  order: (orderId: string, token: string) =>
    `/orders/${encodeURIComponent(orderId)}?token=${encodeURIComponent(token)}`,
  simulationConfirm: (orderId: string) => `/simulation/${encodeURIComponent(orderId)}/confirm`,
  simulationChallenge: (orderId: string) => `/simulation/${encodeURIComponent(orderId)}/challenge`,
  webhook: (provider: string) => `/webhooks/${encodeURIComponent(provider)}`,
} as const;

/** Header that makes `POST …/orders` safe to retry: the same key and body give the same order. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
