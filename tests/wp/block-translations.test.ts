// The blocks' inserter texts (block.json title, description, keywords) in French: tools/make-pot.sh puts them in
// the plugin's .pot under WordPress's block.json contexts, the French .po translates them, and on a fr_FR site
// register_block_type hands the editor (and the REST block types) the French ones.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBlocksBuilt } from './build-blocks';
import { phpProblems, startGuichet } from './guichet-site';
import { ensureWordPress, ROOT, type WordPressSite } from './wp-server';

jest.setTimeout(180_000);

const PLUGIN = join(ROOT, 'plugins/wordpress');
const KINDS = readdirSync(join(PLUGIN, 'src/blocks'));

interface BlockJson {
  name: string;
  title: string;
  description: string;
  keywords: string[];
  textdomain?: string;
}
const blockJson = (kind: string): BlockJson =>
  JSON.parse(readFileSync(join(PLUGIN, 'src/blocks', kind, 'block.json'), 'utf8')) as BlockJson;

/** "[msgctxt] msgid" → msgstr of a .po/.pot's entries that are not fuzzy. */
function catalogue(file: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const block of readFileSync(join(PLUGIN, 'languages', file), 'utf8').split(/\n\s*\n/)) {
    if (/^#,.*fuzzy/m.test(block)) continue;
    const field = (key: string): string | undefined => {
      const match = new RegExp(`^${key} ((?:".*"\\n?)+)`, 'm').exec(block);
      return match?.[1]
        ?.match(/"(.*)"/g)
        ?.map((part) => JSON.parse(part) as string)
        .join('');
    };
    const msgid = field('msgid');
    if (msgid) entries.set(`[${field('msgctxt') ?? ''}] ${msgid}`, field('msgstr') ?? '');
  }
  return entries;
}

/** What WordPress translates in each block.json, under block-i18n.json's contexts. */
const blockStrings = (kind: string): string[] => {
  const block = blockJson(kind);
  return [
    `[block title] ${block.title}`,
    `[block description] ${block.description}`,
    ...block.keywords.map((keyword) => `[block keyword] ${keyword}`),
  ];
};

describe('the translation catalogue', () => {
  test('there are three blocks, each declaring the guichet text domain', () => {
    expect(KINDS.sort()).toEqual(['donation', 'membership', 'tickets']);
    expect(KINDS.map((kind) => blockJson(kind).textdomain)).toEqual(['guichet', 'guichet', 'guichet']);
  });

  test('the extractor also gives style labels and variations their contexts (none of our blocks has them yet)', () => {
    ensureWordPress(); // the extractor reads WordPress's own block-i18n.json from this tree
    const dir = mkdtempSync(join(tmpdir(), 'guichet-block-json-'));
    try {
      const file = join(dir, 'block.json');
      writeFileSync(
        file,
        JSON.stringify({
          title: 'Raffle',
          category: 'widgets',
          styles: [{ name: 'plain', label: 'Plain' }],
          variations: [{ name: 'gala', title: 'Gala raffle', description: 'One evening', keywords: ['lot'] }],
        }),
      );
      const pot = execFileSync(process.execPath, [join(PLUGIN, 'tools/block-json-pot.mjs'), file], {
        encoding: 'utf8',
      });
      const contexts = [...pot.matchAll(/msgctxt "([^"]+)"\nmsgid "([^"]+)"/g)].map(
        ([, context, text]) => `[${context}] ${text}`,
      );
      expect(contexts).toEqual([
        '[block title] Raffle',
        '[block style label] Plain',
        '[block variation title] Gala raffle',
        '[block variation description] One evening',
        '[block variation keyword] lot',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(KINDS)(
    'the .pot holds every translatable string of the %s block.json, with its context',
    (kind) => {
      const pot = catalogue('guichet.pot');
      expect(blockStrings(kind).filter((key) => !pot.has(key))).toEqual([]);
    },
  );

  test.each(KINDS)('the French .po translates them all (%s)', (kind) => {
    const french = catalogue('guichet-fr_FR.po');
    expect(blockStrings(kind).filter((key) => !french.get(key))).toEqual([]);
  });
});

describe('on a real WordPress site', () => {
  let site: WordPressSite;

  beforeAll(async () => {
    await ensureBlocksBuilt();
    site = await startGuichet();
  });

  afterAll(async () => {
    await site?.stop();
  });

  const registered = async (): Promise<
    Record<string, { title: string; description: string; keywords: string[] }>
  > =>
    JSON.parse(
      await site.php(`
        $types = [];
        foreach (['donation', 'membership', 'tickets'] as $kind) {
          $type = WP_Block_Type_Registry::get_instance()->get_registered('guichet/' . $kind);
          $types[$kind] = ['title' => $type->title, 'description' => $type->description, 'keywords' => $type->keywords];
        }
        echo wp_json_encode($types);`),
    ) as Record<string, { title: string; description: string; keywords: string[] }>;

  test('an English site keeps block.json as written; a fr_FR site registers the blocks in French', async () => {
    expect((await registered()).donation?.title).toBe('Guichet – Donation');

    // update_option() refuses a locale without WordPress's own language files, which an offline site lacks.
    await site.php(
      `global $wpdb; $wpdb->replace($wpdb->options, ['option_name' => 'WPLANG', 'option_value' => 'fr_FR', 'autoload' => 'on']);`,
    );
    expect(await registered()).toEqual({
      donation: {
        title: 'Guichet – Don',
        description:
          "Un formulaire de don versé directement sur le compte de votre association, avec l'aperçu de la réduction d'impôt.",
        keywords: ['don', 'faire un don', 'guichet', 'reçu fiscal'],
      },
      membership: {
        title: 'Guichet – Adhésion',
        description: "Les formules et périodes d'adhésion, réglées en ligne ou par chèque.",
        keywords: ['adhésion', 'adhérer', 'cotisation', 'guichet'],
      },
      tickets: {
        title: 'Guichet – Billetterie',
        description:
          'La vente de billets avec quotas, catégories de tarifs et codes promo. Jamais de survente.',
        keywords: ['billet', 'billetterie', 'réservation', 'guichet'],
      },
    });

    // What the editor's inserter is fed: the REST block types, for the signed-in (French) administrator.
    const response = await fetch(`${site.url}/wp-json/wp/v2/block-types/guichet/tickets?_locale=user`, {
      headers: { Authorization: site.auth },
    });
    expect(response.status).toBe(200);
    const tickets = (await response.json()) as { title: string; description: string };
    expect([tickets.title, tickets.description]).toEqual([
      'Guichet – Billetterie',
      'La vente de billets avec quotas, catégories de tarifs et codes promo. Jamais de survente.',
    ]);
    expect(phpProblems(site)).toEqual([]);
  });
});
