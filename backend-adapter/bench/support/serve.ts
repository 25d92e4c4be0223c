import { resolveConfig, startServer } from '../../src/server';

/** Child process of server-process.ts: starts the host from GUICHET_BENCH_CONFIG and answers stats over IPC. */
async function main() {
  const { config } = resolveConfig(JSON.parse(process.env.GUICHET_BENCH_CONFIG ?? '{}'), {
    baseDir: process.cwd(),
    env: process.env,
  });
  const server = await startServer(config, { log: false });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  process.on('message', async (message) => {
    if (message === 'stats') {
      const cpu = process.cpuUsage();
      process.send?.({ peakRss, rss: process.memoryUsage.rss(), cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    if (message === 'stop') {
      clearInterval(sampler);
      await server.close();
      process.exit(0);
    }
  });
  process.send?.({ url: server.url });
}

main().catch((err: unknown) => {
  process.send?.({ error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
