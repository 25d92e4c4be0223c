// What a visitor's browser test needs of a test site: French, offline, and a theme axe-core can judge.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WordPressSite } from './wp-server';

/**
 * A French association's site (no language pack offline, so the locale by filter, as the demo does); the admin
 * bar without gravatar.com; and Twenty Twenty-Five's two unnamed <nav> landmarks (header, footer) named, since
 * axe's landmark-unique is the theme's, not Guichet's.
 */
export async function preparePublicSite(site: WordPressSite): Promise<void> {
  writeFileSync(
    join(site.dir, 'wp-content/mu-plugins/guichet-tests-public.php'),
    `<?php
add_filter('locale', static function () { return 'fr_FR'; });
add_filter('render_block_core/navigation', static function ($html) {
    static $n = 0;
    return preg_replace('/<nav /', '<nav aria-label="Navigation ' . (++$n) . '" ', $html, 1);
});
`,
  );
  await site.php(`update_option('show_avatars', 0);`);
}
