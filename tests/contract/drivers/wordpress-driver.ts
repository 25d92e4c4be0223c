import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configure, saveForm, type Json } from '../../wp/guichet-site';
import { startWordPress, type WordPressSite } from '../../wp/wp-server';
import type { HostDriver, HostStartOptions, RunningHost } from '../host-driver';

/**
 * A test-only must-use plugin: the site's clock runs ahead by an offset kept in an option, so the suite can
 * move time (hold expiry, delayed settlement) through the plugin's `guichet_clock` filter.
 */
const CLOCK_PLUGIN = `<?php
add_filter('guichet_clock', static function () {
    return new class implements Guichet\\Adapter\\Ports\\Clock {
        public function now(): \\DateTimeImmutable
        {
            $ms = (int) get_option('guichet_tests_clock_offset_ms', 0);
            $now = new \\DateTimeImmutable('now', new \\DateTimeZone('UTC'));
            return $now->modify(sprintf('%+d milliseconds', $ms));
        }
    };
});
`;

const php = (value: unknown): string => `json_decode(${JSON.stringify(JSON.stringify(value))}, true)`;

/** WordPress 6.8 on SQLite with the staged plugin, one fresh site per suite run (tests/wp/wp-server.ts). */
export const wordpressHostDriver: HostDriver = {
  name: 'wordpress',
  storages() {
    return [{ name: 'sqlite' }];
  },
  start: startWordPressHost,
};

async function startWordPressHost(options: HostStartOptions): Promise<RunningHost> {
  const site = await startWordPress({
    // Only a test site points Stripe elsewhere: the constant is read by OptionsSettings, never by a setting.
    config: [`define('GUICHET_STRIPE_API_BASE', ${JSON.stringify(options.stripe.apiBase)});`],
    workers: 8,
  });
  try {
    writeFileSync(join(site.dir, 'wp-content/mu-plugins/guichet-tests-clock.php'), CLOCK_PLUGIN);
    await configure(site, settings(options));
    await site.php(
      `update_option('guichet_simulation_secret', ${JSON.stringify(options.simulationSecret)}, false);`,
    );
  } catch (error) {
    await site.stop();
    throw error;
  }
  return host(site);
}

function settings(options: HostStartOptions): Json {
  return {
    simulation: true,
    // Rushes come from one IP: the rate limit is tested on its own (tests/wp/protocol.test.ts), not here.
    rateLimit: 0,
    organization: { name: 'Les Amis du Jardin partagé' },
    // The suite's site speaks French unless the payer asks otherwise, whatever WordPress's own language.
    defaultLocale: 'fr',
    stripe: {
      mode: 'test',
      testPublishableKey: options.stripe.publishableKey,
      testSecretKey: options.stripe.secretKey,
      webhookSecret: options.stripe.webhookSecret,
      uiMode: 'embedded_page',
    },
    offline: {
      cheque: { payee: 'Les Amis du Jardin partagé', address: '12 rue des Lilas, 93100 Montreuil' },
    },
  };
}

function host(site: WordPressSite): RunningHost {
  let offset = 0;
  return {
    baseUrl: site.api,
    installForm: (form) => saveForm(site, form as unknown as Json),
    orderCount: async () =>
      Number(
        await site.php(
          `global $wpdb; echo (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . Guichet\\WordPress\\Storage\\Schema::table('orders'));`,
        ),
      ),
    advanceClock: async (ms) => {
      offset += ms;
      await site.php(`update_option('guichet_tests_clock_offset_ms', ${php(offset)}, false);`);
    },
    runJobs: async () => {
      await site.php(`Guichet\\WordPress\\Sweep::run();`);
    },
    admin: { baseUrl: `${site.api}/admin`, headers: { authorization: site.auth } },
    stop: () => site.stop(),
  };
}
