// A real SPIP for the journeys, through the PHP harness of the plugin's real-SPIP tier
// (plugins/spip/tests/RealSpip/Support/site-reel.php): GUICHET_SPIP_ROOT names an installed SPIP 4.1 tree, which
// is cloned, given this checkout's plugin, activated and served by `php -S` on a free port. SPIP itself is never
// in the repository: plugins/spip/README.md, "Running against a real SPIP", says how to get one.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const HARNESS = join(ROOT, 'plugins/spip/tests/RealSpip/Support/site-reel.php');

export type Json = Record<string, unknown>;

export interface SpipSite {
  readonly url: string;
  readonly racine: string;
  /** Seconds each step of the boot took (clone, serveur, activation, premiere page, total). */
  readonly durees: Record<string, number>;
  /** Runs PHP inside SPIP (as webmaster #1) and returns what it printed. */
  php(code: string): Promise<string>;
  /** A published Guichet form from a protocol example (docs/examples/protocol), with changes; its id. */
  form(example: string, changes?: Json): Promise<number>;
  /** A published article whose text is `texte`; its id. */
  article(texte: string): Promise<number>;
  /** The order rows of a form, as the plugin stores them. */
  orders(formId: number): Promise<Json[]>;
  stop(): Promise<void>;
}

/** Why the real-SPIP journeys cannot run here, or null. */
export function spipUnavailable(): string | null {
  const root = process.env.GUICHET_SPIP_ROOT ?? '';
  if (!root) return 'GUICHET_SPIP_ROOT is not set';
  if (!existsSync(join(root, 'ecrire/inc_version.php')))
    return `GUICHET_SPIP_ROOT (${root}) is not a SPIP tree`;
  if (!existsSync(join(root, 'config/connect.php'))) return `GUICHET_SPIP_ROOT (${root}) is not installed`;
  return null;
}

function runPhp(state: string, code: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(
      'php',
      [HARNESS, 'php', state],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`PHP inside SPIP failed: ${stderr || stdout || error.message}`));
        else done(stdout);
      },
    );
    child.stdin?.end(code);
  });
}

const phpValue = (value: unknown): string => `json_decode(${JSON.stringify(JSON.stringify(value))}, true)`;

export async function startSpip(): Promise<SpipSite> {
  const state = execFileSync('php', [HARNESS, 'demarrer'], { encoding: 'utf8', env: process.env }).trim();
  const parsed = JSON.parse(state) as { url: string; racine: string; durees: Record<string, number> };
  const php = (code: string) => runPhp(state, code);
  return {
    url: parsed.url,
    racine: parsed.racine,
    durees: parsed.durees,
    php,
    async form(example, changes = {}) {
      const config = {
        ...(JSON.parse(
          readFileSync(join(ROOT, 'docs/examples/protocol', `${example}.json`), 'utf8'),
        ) as Json),
        ...changes,
      };
      const { kind, id: _id, title, ...rest } = config as Json & { title: { fr: string } };
      return Number(
        await php(`echo sql_insertq('spip_guichet_formulaires', ['titre' => ${phpValue(title.fr)},
          'genre' => ${phpValue(kind)}, 'statut' => 'publie', 'date' => date('Y-m-d H:i:s'),
          'config' => json_encode(${phpValue({ title, ...rest })})]);`),
      );
    },
    async article(texte) {
      // objet_inserer() reloads the (empty) command-line session: the webmaster is set again each time.
      return Number(
        await php(`include_spip('action/editer_objet'); $s = $GLOBALS['visiteur_session'];
          $r = objet_inserer('rubrique', 0, ['titre' => 'Parcours']); $GLOBALS['visiteur_session'] = $s;
          objet_instituer('rubrique', $r, ['statut' => 'publie']); $GLOBALS['visiteur_session'] = $s;
          $a = objet_inserer('article', $r, ['titre' => 'Soutenir le jardin', 'texte' => ${phpValue(texte)}]);
          $GLOBALS['visiteur_session'] = $s; objet_instituer('article', $a, ['statut' => 'publie']); echo $a;`),
      );
    },
    async orders(formId) {
      return JSON.parse(
        await php(
          `echo json_encode(sql_allfetsel('commande, statut, total, email, prestataire', 'spip_guichet_commandes', 'id_guichet_formulaire = ${formId}'));`,
        ),
      ) as Json[];
    },
    stop: async () => {
      execFileSync('php', [HARNESS, 'arreter', state]);
    },
  };
}
