<?php
/**
 * A fresh SPIP site for each test: an empty SQLite database, the plugin installed through its own
 * guichet_upgrade(), simulation and cheque configured, the example forms published as SPIP objects.
 */

use PHPUnit\Framework\TestCase;

abstract class SiteSpipTestCase extends TestCase {
	const SECRET_SIMULATION = 'sim_spip_secret_0123456789';

	/** @var \Guichet\Adapter\Ports\FrozenClock */
	protected $horloge;
	/** @var array<string, string> example name => SPIP form id */
	protected $formulaires = [];

	protected function setUp(): void {
		standin_reset(GUICHET_PLUGIN_DIR);
		standin_sql_ouvrir();
		include_spip('guichet_administrations');
		guichet_upgrade('guichet_base_version', self::schema());
		ecrire_config('guichet/simulation_secret', self::SECRET_SIMULATION);
		ecrire_config('guichet/organisation/nom', 'Les Amis du Jardin partagé');
		ecrire_config('guichet/hors_ligne/cheque_ordre', 'Les Amis du Jardin partagé');
		ecrire_config('guichet/hors_ligne/cheque_adresse', '3 place Jean-Jaurès, 93100 Montreuil');
		$GLOBALS['visiteur_session'] = [];
		include_spip('inc/guichet_site');
		$this->horloge = new \Guichet\Adapter\Ports\FrozenClock('2026-11-20T10:00:00Z');
		$GLOBALS['guichet_horloge'] = $this->horloge;
		unset($GLOBALS['guichet_corps_brut'], $GLOBALS['standin_ecouteurs']);
		$_SERVER['REQUEST_METHOD'] = 'GET';
		foreach (array_keys($_SERVER) as $cle) {
			if (strncmp($cle, 'HTTP_', 5) === 0 || $cle === 'CONTENT_TYPE') {
				unset($_SERVER[$cle]);
			}
		}
		$this->formulaires = [
			'donation' => $this->publier('form-config.donation', ['payment' => ['providers' => ['simulation', 'offline'], 'offlineMethods' => ['cheque']]]),
			'membership' => $this->publier('form-config.membership', ['payment' => ['providers' => ['simulation', 'offline'], 'offlineMethods' => ['cheque']]]),
			'tickets' => $this->publier('form-config.tickets'),
		];
		guichet_site(true);
	}

	public static function schema(): string {
		return (string) simplexml_load_file(GUICHET_PLUGIN_DIR . '/paquet.xml')['schema'];
	}

	/** @return array<string, mixed> */
	public static function exemple(string $nom): array {
		return json_decode((string) file_get_contents(GUICHET_REPO_DIR . '/docs/examples/protocol/' . $nom . '.json'), true);
	}

	/** Inserts an example form as a published SPIP object; returns its id. */
	protected function publier(string $exemple, array $changements = [], string $statut = 'publie'): string {
		$config = array_replace(self::exemple($exemple), $changements);
		$genre = $config['kind'];
		unset($config['id'], $config['kind']);
		return (string) sql_insertq('spip_guichet_formulaires', [
			'titre' => $config['title']['fr'],
			'genre' => $genre,
			'config' => json_encode($config),
			'statut' => $statut,
			'date' => '2026-11-01 10:00:00',
		]);
	}

	/**
	 * Runs a public action as SPIP would for one hit and returns [status, decoded JSON, raw output].
	 * @return array{0: int, 1: mixed, 2: string}
	 */
	protected function action(string $action, string $methode, array $get, ?string $corps = null, array $entetes = []): array {
		$_SERVER['REQUEST_METHOD'] = $methode;
		$_GET = $get + ['action' => $action];
		foreach ($entetes as $nom => $valeur) {
			$cle = strtoupper(str_replace('-', '_', $nom));
			$_SERVER[$cle === 'CONTENT_TYPE' ? $cle : 'HTTP_' . $cle] = $valeur;
		}
		$GLOBALS['guichet_corps_brut'] = $corps ?? '';
		http_response_code(200);
		$f = charger_fonction($action, 'action');
		ob_start();
		try {
			$f();
		} finally {
			$sortie = (string) ob_get_clean();
		}
		foreach ($entetes as $nom => $valeur) {
			$cle = strtoupper(str_replace('-', '_', $nom));
			unset($_SERVER[$cle === 'CONTENT_TYPE' ? $cle : 'HTTP_' . $cle]);
		}
		return [(int) http_response_code(), json_decode($sortie, true), $sortie];
	}

	/** The protocol through the SPIP action, the way the widget calls it (base URL + path). */
	protected function api(string $methode, string $route, $corps = null, array $entetes = []): array {
		if ($corps !== null && !isset($entetes['Content-Type'])) {
			$entetes['Content-Type'] = 'application/json';
		}
		return $this->action('guichet_api', $methode, ['route' => $route], $corps === null ? null : json_encode($corps), $entetes);
	}

	protected function connecter(string $statut = '0minirezo', int $id = 1): void {
		$GLOBALS['visiteur_session'] = ['id_auteur' => $id, 'statut' => $statut, 'webmestre' => 'oui'];
	}
}
