#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile } from './config/load-config';
import { startServer } from './start';

const USAGE = `usage: guichet-adapter --config FILE [--port N] [--host ADDRESS]

Serves Guichet's protocol v1 for the sites listed in FILE (JSON, see backend-adapter/README.md).
Secrets come from the environment variables the file names.`;

async function main(): Promise<number> {
  let values: { config?: string; port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        config: { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) return (console.log(USAGE), 0);
  if (!values.config) return (console.error(USAGE), 2);
  let loaded;
  try {
    loaded = loadConfigFile(values.config);
  } catch (err) {
    if (err instanceof ConfigError) return (console.error(err.message), 1);
    throw err;
  }
  const { config } = loaded;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      return (console.error(`--port: ${values.port}?`), 2);
    config.listen.port = port;
  }
  if (values.host !== undefined) config.listen.host = values.host;
  const server = await startServer(config, { log: { level: process.env.GUICHET_LOG_LEVEL ?? 'info' } });
  for (const notice of loaded.notices) server.fastify.log.warn(notice);
  server.fastify.log.info(`Guichet is serving ${config.sites.map((s) => s.id).join(', ')} at ${server.url}`);
  if (config.demoPage) console.log(`\n  Demo page: ${server.url}/\n`);
  void server.sweep();
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
