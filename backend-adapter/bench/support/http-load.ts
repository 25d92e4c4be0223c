import http from 'node:http';

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface Outcome {
  status: number;
  ms: number;
  body: string;
}

/** Sends calls with at most `concurrency` in flight on keep-alive connections; answers each outcome in order. */
export async function load(
  baseUrl: string,
  calls: Call[],
  concurrency: number,
): Promise<{ outcomes: Outcome[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const outcomes: Outcome[] = new Array(calls.length);
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < calls.length) {
      const index = next++;
      outcomes[index] = await send(agent, baseUrl, calls[index] as Call);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { outcomes, seconds };
}

export function send(agent: http.Agent, baseUrl: string, call: Call): Promise<Outcome> {
  const url = new URL(call.path, baseUrl);
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: call.method,
        agent,
        headers: {
          ...(call.body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(call.body) }),
          ...call.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            ms: Number(process.hrtime.bigint() - t0) / 1e6,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (call.body !== undefined) request.write(call.body);
    request.end();
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** One line of a benchmark report: `name: value unit (target …)`. */
export function report(name: string, value: number, unit: string, target: string, digits = 0): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit} (target ${target})`);
}
