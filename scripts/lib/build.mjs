// The build shared by `npm start`, `npm test` and `npm run bench`: one place to add a build step.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, bin, exec } from './proc.mjs';

/** The commands, in order: TypeScript project references, then the widget bundle once it has a build script. */
export function buildCommands() {
  const commands = [[bin('tsc'), ['-b']]];
  if (existsSync(join(ROOT, 'shared-widgets', 'build.mjs'))) {
    commands.push([process.execPath, ['shared-widgets/build.mjs']]);
  }
  return commands;
}

/** Runs the build, stopping at the first failure. `run` lets `npm test` apply its step timeout. */
export async function build(run = exec) {
  for (const [cmd, args] of buildCommands()) {
    const { code } = await run(cmd, args);
    if (code !== 0) return false;
  }
  return true;
}
