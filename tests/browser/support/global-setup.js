// Builds shared-widgets/dist once before the journeys, so they always test the current sources.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [join(__dirname, '../../../shared-widgets/build.mjs')], {
    stdio: 'inherit',
  });
};
