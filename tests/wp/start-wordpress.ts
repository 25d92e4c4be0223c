// `npm start` on WordPress: a persistent demo site in .cache/demo-site with Guichet active, the simulation on
// and a page holding the three blocks. Prints the URL and the admin login, serves until Ctrl-C.
//   npx tsx tests/wp/start-wordpress.ts        (GUICHET_WP_PORT=8080, GUICHET_WP_HOST=127.0.0.1 by default)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBlocksBuilt } from './build-blocks';
import { CACHE, ROOT, prepareSite, serve, stageGuichet } from './wp-server';

const DIR = join(CACHE, 'demo-site');
const HOST = process.env.GUICHET_WP_HOST ?? '127.0.0.1';
const PORT = Number(process.env.GUICHET_WP_PORT ?? 8080);
const URL = `http://${HOST}:${PORT}`;

const DEMO_PAGE = [
  '<!-- wp:heading --><h2 class="wp-block-heading">Faire un don</h2><!-- /wp:heading -->',
  block('donation', 'demo-don', {
    title: 'Soutenez le jardin partagé',
    donation: { presets: [1500, 3000, 5000, 10000], goal: 500000 },
  }),
  '<!-- wp:heading --><h2 class="wp-block-heading">Adhérer</h2><!-- /wp:heading -->',
  block('membership', 'demo-adhesion', { title: 'Adhésion 2027', offlineMethods: ['cheque'] }),
  '<!-- wp:heading --><h2 class="wp-block-heading">Billetterie</h2><!-- /wp:heading -->',
  block('tickets', 'demo-concert', {
    title: 'Concert de Noël au jardin',
    tickets: {
      event: { startsAt: `${new Date().getFullYear() + 1}-12-12T20:00`, location: 'Salle des fêtes' },
      types: [
        { id: 'plein', name: 'Plein tarif', price: 1500, quota: 120 },
        { id: 'reduit', name: 'Tarif réduit', price: 1000, quota: 40 },
      ],
      maxPerOrder: 8,
      attendeeNames: false,
      promoCodes: [{ code: 'ADHERENT', discount: { type: 'percent', percentBps: 2000 } }],
    },
  }),
].join('\n\n');

function block(kind: string, formId: string, config: Record<string, unknown>): string {
  return `<!-- wp:guichet/${kind} ${JSON.stringify({ formId, config })} /-->`;
}

function php(code: string): string {
  const header = `$_SERVER['HTTP_HOST'] = '${HOST}:${PORT}'; require ${JSON.stringify(join(DIR, 'wp-load.php'))};`;
  return execFileSync('php', ['-r', header + code], { cwd: DIR, encoding: 'utf8' });
}

function ensureWidgets(): void {
  if (!existsSync(join(ROOT, 'shared-widgets/dist/guichet.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'shared-widgets/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

async function main(): Promise<void> {
  await ensureBlocksBuilt();
  ensureWidgets();
  const installed = existsSync(join(DIR, 'wp-content/database/.ht.sqlite'));
  if (!installed) {
    console.log(`Creating the demo site in ${DIR} …`);
    prepareSite(DIR, URL);
    execFileSync('php', [join(__dirname, 'install.php'), DIR, URL, 'guichet/guichet.php'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // A French association's site. WordPress refuses WPLANG without a language pack (none offline), so a filter.
    writeFileSync(
      join(DIR, 'wp-content/mu-plugins/guichet-demo-locale.php'),
      "<?php\nadd_filter('locale', static function () { return 'fr_FR'; });\n",
    );
    php(`
      update_option('blogname', 'Les Amis du Jardin partagé');
      update_option('guichet_settings', [
        'simulation' => true,
        'organization' => ['name' => 'Les Amis du Jardin partagé'],
        'offline' => ['cheque' => ['payee' => 'Les Amis du Jardin partagé', 'address' => '3 place Jean-Jaurès, 93100 Montreuil']],
        // What a tax receipt must say, so a demo gift with a receipt asked gets its PDF.
        'receipts' => [
          'address' => ['line1' => '3 place Jean-Jaurès', 'postalCode' => '93100', 'city' => 'Montreuil', 'country' => 'FR'],
          'object' => 'Faire vivre un jardin partagé et ses ateliers ouverts aux écoles du quartier.',
          'status' => 'general_interest',
          'signatoryName' => 'Claude Petit',
          'signatoryRole' => 'Trésorière',
        ],
      ]);
      $id = wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Soutenir le jardin', 'post_name' => 'demo', 'post_content' => ${JSON.stringify(DEMO_PAGE)}]);
      update_option('show_on_front', 'page');
      update_option('page_on_front', $id);`);
  } else {
    // The plugin follows the working tree; the site keeps its orders. The URL follows the chosen port.
    stageGuichet(join(DIR, 'wp-content/plugins/guichet'));
    const config = join(DIR, 'wp-config.php');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/http:\/\/[^']+(?=')/g, URL));
  }
  const server = await serve(DIR, HOST, PORT, 4);
  console.log(`
Guichet on WordPress is running.
  Demo page (donation, membership, tickets):  ${URL}/
  Admin:                                      ${URL}/wp-admin/   login: admin   password: password
  Simulation card that pays:                  4242 4242 4242 4242
Ctrl-C to stop. The site stays in ${DIR} (delete it to start afresh).`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise<void>((done) => server.process.on('exit', () => done()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
