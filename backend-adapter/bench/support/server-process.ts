import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The host under load runs in its own process, as in production: the load generator gets the other core
 * instead of sharing one event loop with the server it measures.
 */
export interface ServerProcess {
  url: string;
  /** The server process's peak RSS since start (bytes), and the CPU time it has used (ms, user + system). */
  stats(): Promise<{ peakRss: number; rss: number; cpuMs: number }>;
  stop(): Promise<void>;
}

export async function startServerProcess(
  config: object,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const child: ChildProcess = fork(join(__dirname, 'serve.ts'), [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.GUICHET_BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GUICHET_BENCH_PROFILE}`]
        : []),
    ],
    env: { ...process.env, ...env, GUICHET_BENCH_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url?: string; error?: string }) =>
      message.url ? resolve(message.url) : reject(new Error(message.error)),
    );
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const ask = <T>(question: string) =>
    new Promise<T>((resolve) => {
      child.once('message', (answer: T) => resolve(answer));
      child.send(question);
    });
  return {
    url,
    stats: () => ask('stats'),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}
