<?php
/**
 * Base of the real-SPIP tier: one real SPIP per PHPUnit run (SiteSpipReel), skipped with a clear line when
 * GUICHET_SPIP_ROOT names no installed SPIP. A skip is not a pass.
 */

use PHPUnit\Framework\TestCase;

abstract class RealSpipTestCase extends TestCase {
	/** @var bool */
	private static $annonce = false;

	protected static function site(): SiteSpipReel {
		$raison = SiteSpipReel::indisponible();
		if ($raison !== null) {
			if (!self::$annonce) {
				self::$annonce = true;
				fwrite(STDERR, "\nreal-SPIP tier: SKIPPED ($raison; README.md, \"Running against a real SPIP\", says how to get one)\n");
			}
			self::markTestSkipped("real-SPIP tier: $raison");
		}
		$premier = !self::$annonce;
		$site = SiteSpipReel::partage();
		if ($premier) {
			self::$annonce = true;
			$durees = [];
			foreach ($site->durees as $etape => $secondes) {
				$durees[] = sprintf('%s %.2f s', $etape, $secondes);
			}
			fwrite(STDERR, "\nreal-SPIP tier: SPIP at {$site->url} ({$site->racine}); boot: " . implode(', ', $durees) . "\n");
		}
		return $site;
	}

	/**
	 * A published Guichet form made from a protocol example, with changes; returns its id. The site runs on the
	 * real clock: the example concert moves to Saturday 12 December 2099, on sale from 2020 until then.
	 */
	protected static function formulaire(string $exemple, array $changements = [], string $statut = 'publie'): int {
		$config = json_decode((string) file_get_contents(GUICHET_REPO_DIR . "/docs/examples/protocol/$exemple.json"), true);
		if ($config['kind'] === 'tickets') {
			$config['tickets']['event']['startsAt'] = '2099-12-12T20:00:00+01:00';
			$config['tickets']['event']['endsAt'] = '2099-12-12T22:30:00+01:00';
			$config['tickets']['salesWindow'] = ['opensAt' => '2020-01-01T09:00:00+01:00', 'closesAt' => '2099-12-12T18:00:00+01:00'];
		}
		$config = array_replace($config, $changements);
		$genre = $config['kind'];
		$titre = $config['title']['fr'] ?? $exemple;
		unset($config['id'], $config['kind']);
		return (int) self::site()->php('echo sql_insertq("spip_guichet_formulaires", ' . var_export([
			'titre' => $titre, 'genre' => $genre, 'statut' => $statut, 'config' => json_encode($config), 'date' => date('Y-m-d H:i:s'),
		], true) . ');');
	}

	/** A published article (in a published section) whose text is $texte; returns its id. */
	protected static function article(string $texte, string $langue = 'fr'): int {
		// objet_inserer() reloads the (empty) command-line session: the webmaster is set again before publishing.
		return (int) self::site()->php('include_spip("action/editer_objet");
			$session = $GLOBALS["visiteur_session"];
			$rubrique = (int) sql_getfetsel("id_rubrique", "spip_rubriques", "titre = \'Guichet tests\'");
			if (!$rubrique) {
				$rubrique = objet_inserer("rubrique", 0, ["titre" => "Guichet tests"]);
				$GLOBALS["visiteur_session"] = $session;
				objet_instituer("rubrique", $rubrique, ["statut" => "publie"]);
			}
			$GLOBALS["visiteur_session"] = $session;
			$article = objet_inserer("article", $rubrique, ["titre" => "Soutenir le jardin", "texte" => ' . var_export($texte, true) . ', "lang" => ' . var_export($langue, true) . ']);
			$GLOBALS["visiteur_session"] = $session;
			objet_instituer("article", $article, ["statut" => "publie"]);
			echo $article;');
	}

	/** An order row as the plugin stores it. @return array<string, mixed>|null */
	protected static function commande(string $id): ?array {
		$ligne = self::site()->json('echo json_encode(sql_fetsel("*", "spip_guichet_commandes", "commande = " . sql_quote(' . var_export($id, true) . ')) ?: null);');
		return is_array($ligne) ? $ligne : null;
	}

	/** A visitor with their own cookies. */
	protected static function visiteur(): Navigateur {
		return new Navigateur(self::site()->url);
	}

	/** The test webmaster, logged in through SPIP's own login form. */
	protected static function tresoriere(): Navigateur {
		$site = self::site();
		return self::connecter($site->login, $site->motDePasse);
	}

	/** An editor (rédacteur, statut 1comite) of the site, created once, logged in. */
	protected static function redacteur(): Navigateur {
		static $motDePasse = null;
		if ($motDePasse === null) {
			$motDePasse = bin2hex(random_bytes(10));
			self::site()->php('include_spip("action/editer_auteur"); $s = $GLOBALS["visiteur_session"];
				$id = auteur_inserer(); $GLOBALS["visiteur_session"] = $s;
				auteur_modifier($id, ["nom" => "Rédactrice des tests", "email" => "redactrice@example.org"]); $GLOBALS["visiteur_session"] = $s;
				echo auteur_instituer($id, ["statut" => "1comite", "login" => "redactrice_test", "pass" => ' . var_export($motDePasse, true) . '], true);');
		}
		return self::connecter('redactrice_test', $motDePasse);
	}

	private static function connecter(string $login, string $motDePasse): Navigateur {
		$n = new Navigateur(self::site()->url);
		$page = $n->get('/spip.php?page=login&url=ecrire%2F');
		$n->soumettre($page['corps'], 'login', ['var_login' => $login, 'password' => $motDePasse]);
		$prive = $n->get('/ecrire/');
		self::assertNotEmpty(Navigateur::textes($prive['corps'], "//a[contains(@href,'action=logout')]"), 'logged in to the private space');
		return $n;
	}

	/**
	 * Runs a PHPUnit configuration of Contrat/ inside the shared site (an adapter contract on SPIP's own sql_*),
	 * prints its summary under $nom and asserts that it passed with exactly $tests tests, so no case (the
	 * concurrent ones above all) may silently skip.
	 */
	protected static function contratDansLeSite(string $configuration, string $nom, int $tests, string $pourquoi): void {
		$site = self::site();
		$processus = proc_open(
			[PHP_BINARY, (string) (getenv('PHPUNIT') ?: '/usr/bin/phpunit'), '-c', dirname(__DIR__) . '/Contrat/' . $configuration],
			[0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
			$tubes,
			null,
			['GUICHET_SPIP_SITE' => $site->racine] + getenv()
		);
		$sortie = (string) stream_get_contents($tubes[1]) . (string) stream_get_contents($tubes[2]);
		$code = proc_close($processus);
		preg_match('/^(OK \(.*\)|Tests: .*)$/m', $sortie, $bilan);
		fwrite(STDERR, "\nreal-SPIP " . $nom . ': ' . ($bilan[1] ?? 'no summary') . "\n");
		self::assertSame(0, $code, $sortie);
		self::assertMatchesRegularExpression('/^OK \(' . $tests . ' tests, \d+ assertions\)$/m', $sortie, $pourquoi);
	}
}
