<?php
/**
 * A real SPIP for the real-SPIP tier, made from the installed tree GUICHET_SPIP_ROOT names (SPIP is never in this
 * repository: README.md, "Running against a real SPIP", says how to bring one). Two ways:
 * - GUICHET_SPIP_URL set: that tree is already served there; it is used in place (the plugin is linked and
 *   activated in it, test content is added to it).
 * - otherwise (the usual way): the tree is cloned into a temporary folder (code hard-linked, config/, tmp/,
 *   local/ and IMG/ copied, so the original is never touched), this checkout's plugin is linked as
 *   plugins/guichet, and `php -S` serves it with 4 workers (SPIP calls itself over HTTP: one worker hangs).
 * Either way the plugin is activated from the command line as SPIP's own plugin page would, a webmaster is
 * created for the tests, and the plugin is configured (simulation on, a known simulation secret).
 */

final class SiteSpipReel {
	public const SECRET_SIMULATION = 'real-spip-simulation-secret-0123456789';

	/** @var self|null */
	private static $partage = null;

	/** @var string the site's folder (the clone, or GUICHET_SPIP_ROOT itself) */
	public $racine;
	/** @var string http://127.0.0.1:PORT, no trailing slash */
	public $url;
	/** @var string */
	public $login;
	/** @var string */
	public $motDePasse;
	/** @var array<string, float> how long each step of the boot took, in seconds */
	public $durees = [];
	/** @var int|null the process group of php -S when this process started it */
	private $groupe = null;
	/** @var resource|null php -S itself, when this process started it (to reap it once stopped) */
	private $serveur = null;
	/** @var bool */
	private $clone = false;

	/** Why the tier cannot run here, or null when it can. */
	public static function indisponible(): ?string {
		$racine = (string) getenv('GUICHET_SPIP_ROOT');
		if ($racine === '') {
			return 'GUICHET_SPIP_ROOT is not set';
		}
		if (!is_file($racine . '/ecrire/inc_version.php')) {
			return "GUICHET_SPIP_ROOT ($racine) is not a SPIP tree";
		}
		if (!is_file($racine . '/config/connect.php')) {
			return "GUICHET_SPIP_ROOT ($racine) is not installed (no config/connect.php)";
		}
		return null;
	}

	/** The site shared by every real-SPIP test of this process, started on first use, stopped at exit. */
	public static function partage(): self {
		if (self::$partage === null) {
			self::$partage = self::demarrer((string) getenv('GUICHET_SPIP_ROOT'), (string) getenv('GUICHET_SPIP_URL'));
			register_shutdown_function([self::$partage, 'arreter']);
		}
		return self::$partage;
	}

	/**
	 * @param string $zip a release zip (bin/build-release.sh) to install as plugins/guichet instead of linking
	 *     this checkout's plugin (clones only)
	 */
	public static function demarrer(string $source, string $url = '', string $zip = ''): self {
		$site = new self();
		$debut = microtime(true);
		$source = rtrim((string) realpath($source), '/');
		if ($url !== '') {
			$site->racine = $source;
			$site->url = rtrim($url, '/');
		} else {
			$site->racine = self::cloner($source);
			$site->clone = true;
			$site->durees['clone'] = microtime(true) - $debut;
		}
		if ($zip !== '' && $site->clone) {
			$site->deballer($zip);
		} else {
			$site->lierPlugin();
		}
		if ($site->clone) {
			$port = self::portLibre();
			$site->url = 'http://127.0.0.1:' . $port;
			$t = microtime(true);
			$site->servir($port);
			$site->durees['serveur'] = microtime(true) - $t;
		}
		$t = microtime(true);
		$site->installer();
		$site->durees['activation'] = microtime(true) - $t;
		$t = microtime(true);
		$site->attendre('/spip.php?page=sommaire');
		$site->durees['premiere page'] = microtime(true) - $t;
		$site->durees['total'] = microtime(true) - $debut;
		return $site;
	}

	/** What another process needs to use or stop this site (site-reel.php, the browser journeys). */
	public function etat(): array {
		return [
			'url' => $this->url, 'racine' => $this->racine, 'groupe' => $this->groupe, 'clone' => $this->clone,
			'login' => $this->login, 'motDePasse' => $this->motDePasse, 'durees' => $this->durees,
		];
	}

	/** The site etat() described, from another process. */
	public static function depuis(array $etat): self {
		$site = new self();
		$site->url = (string) $etat['url'];
		$site->racine = (string) $etat['racine'];
		$site->groupe = isset($etat['groupe']) ? (int) $etat['groupe'] : null;
		$site->clone = !empty($etat['clone']);
		$site->login = (string) ($etat['login'] ?? '');
		$site->motDePasse = (string) ($etat['motDePasse'] ?? '');
		return $site;
	}

	/** Stops php -S (its whole process group: the workers outlive their parent) and removes the clone. */
	public function arreter(): void {
		if ($this->groupe !== null) {
			posix_kill(-$this->groupe, SIGTERM);
			for ($i = 0; $i < 50 && $this->groupeVivant(); $i++) {
				usleep(50000);
			}
			if (posix_kill(-$this->groupe, 0)) {
				posix_kill(-$this->groupe, SIGKILL);
			}
			$this->groupe = null;
		}
		if ($this->clone && is_dir($this->racine)) {
			exec('rm -rf ' . escapeshellarg($this->racine));
			$this->clone = false;
		}
	}

	/**
	 * Whether a process of php -S's group still runs. Stopped ones linger as zombies until their parent reaps
	 * them (this process for php -S itself, init for its workers): those are not counted.
	 */
	private function groupeVivant(): bool {
		if (is_resource($this->serveur) && !proc_get_status($this->serveur)['running']) {
			proc_close($this->serveur);
			$this->serveur = null;
		}
		if (!is_dir('/proc/self')) {
			return posix_kill(-$this->groupe, 0);
		}
		foreach (glob('/proc/[0-9]*/stat') ?: [] as $stat) {
			// pid (comm) state ppid pgrp …: the fields after the command's closing parenthesis.
			$ligne = (string) @file_get_contents($stat);
			$champs = explode(' ', substr($ligne, (int) strrpos($ligne, ')') + 2));
			if (($champs[2] ?? '') === (string) $this->groupe && ($champs[0] ?? 'Z') !== 'Z') {
				return true;
			}
		}
		return false;
	}

	/** Runs PHP inside this SPIP, from the command line, as the test webmaster; returns what it printed. */
	public function php(string $code): string {
		$entete = '<?php chdir(' . var_export($this->racine, true) . ');'
			. '$_SERVER["HTTP_HOST"] = ' . var_export((string) parse_url($this->url, PHP_URL_HOST) . ':' . (string) parse_url($this->url, PHP_URL_PORT), true) . ';'
			. 'require "ecrire/inc_version.php"; include_spip("base/abstract_sql"); include_spip("inc/config");'
			. '$GLOBALS["visiteur_session"] = ["id_auteur" => 1, "statut" => "0minirezo", "webmestre" => "oui"];' . "\n";
		$fichier = $this->racine . '/tmp/guichet-eval-' . bin2hex(random_bytes(6)) . '.php';
		file_put_contents($fichier, $entete . $code);
		try {
			// Notices go to stderr (SPIP 4.1 itself raises deprecations under PHP 8.2): stdout is the answer.
			$processus = proc_open(
				[PHP_BINARY, '-d', 'display_errors=stderr', $fichier],
				[0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
				$tubes
			);
			$sortie = (string) stream_get_contents($tubes[1]);
			$erreurs = (string) stream_get_contents($tubes[2]);
			fclose($tubes[1]);
			fclose($tubes[2]);
			$retour = proc_close($processus);
		} finally {
			unlink($fichier);
		}
		if ($retour !== 0) {
			throw new \RuntimeException("PHP inside SPIP failed ($retour): $sortie $erreurs");
		}
		return $sortie;
	}

	/** Like php(), for code that ends with `echo json_encode(…)`. @return mixed */
	public function json(string $code) {
		$sortie = $this->php($code);
		$json = json_decode(substr($sortie, (int) strrpos("\n" . $sortie, "\n")), true);
		if ($json === null) {
			throw new \RuntimeException("no JSON from SPIP: $sortie");
		}
		return $json;
	}

	/**
	 * The PHP notices, warnings and errors raised in the plugin's or the adapter's files, from SPIP's logs and the
	 * server's. @return string[]
	 */
	public function erreursDuPlugin(): array {
		$erreurs = [];
		foreach (array_merge(glob($this->racine . '/tmp/log/*.log') ?: [], [$this->racine . '/tmp/php-server.log']) as $journal) {
			foreach (is_file($journal) ? (file($journal) ?: []) : [] as $ligne) {
				if (preg_match('/(Warning|Notice|Fatal|Deprecated|Erreur|ERREUR|Uncaught).*(plugins\/(guichet|spip)\/|backend-adapter\/php\/)/', $ligne)) {
					$erreurs[] = trim($ligne);
				}
			}
		}
		return $erreurs;
	}

	/* Boot ------------------------------------------------------------------------------------------- */

	private static function cloner(string $source): string {
		$racine = sys_get_temp_dir() . '/guichet-spip-' . bin2hex(random_bytes(5));
		// Hard links for the code SPIP never writes; real copies for the folders it writes (and its database).
		self::sh('cp -al ' . escapeshellarg($source) . ' ' . escapeshellarg($racine) . ' 2>/dev/null || cp -a ' . escapeshellarg($source) . ' ' . escapeshellarg($racine));
		foreach (['config', 'tmp', 'local', 'IMG'] as $dossier) {
			if (is_dir("$source/$dossier")) {
				self::sh('rm -rf ' . escapeshellarg("$racine/$dossier") . ' && cp -a ' . escapeshellarg("$source/$dossier") . ' ' . escapeshellarg("$racine/$dossier"));
			}
		}
		// Compiled squelettes and plugin caches of the original site are not this one's.
		self::sh('rm -rf ' . escapeshellarg("$racine/tmp/cache") . ' && mkdir -p ' . escapeshellarg("$racine/tmp/cache"));
		return $racine;
	}

	/** plugins/guichet -> this checkout's plugin (it finds the adapter beside it, ../../backend-adapter/php). */
	private function lierPlugin(): void {
		$plugins = $this->racine . '/plugins';
		if (!is_dir($plugins)) {
			mkdir($plugins, 0777, true);
		}
		$lien = $plugins . '/guichet';
		$plugin = dirname(__DIR__, 3);
		if (is_link($lien) && realpath($lien) === realpath($plugin)) {
			return;
		}
		if (!$this->clone && file_exists($lien)) {
			throw new \RuntimeException("$lien exists and is not a link to $plugin: refusing to replace it");
		}
		if (file_exists($lien) || is_link($lien)) {
			self::sh('rm -rf ' . escapeshellarg($lien));
		}
		symlink($plugin, $lien);
	}

	/** plugins/guichet <- the release zip, as SVP or an FTP upload would put it. */
	private function deballer(string $zip): void {
		$plugins = $this->racine . '/plugins';
		self::sh('mkdir -p ' . escapeshellarg($plugins) . ' && rm -rf ' . escapeshellarg("$plugins/guichet") . ' && unzip -q ' . escapeshellarg($zip) . ' -d ' . escapeshellarg($plugins));
		if (!is_file("$plugins/guichet/paquet.xml")) {
			throw new \RuntimeException("$zip holds no guichet/paquet.xml");
		}
	}

	private function servir(int $port): void {
		$journal = $this->racine . '/tmp/php-server.log';
		$processus = proc_open(
			['setsid', PHP_BINARY, '-d', 'auto_prepend_file=' . __DIR__ . '/serveur-prepend.php', '-S', '127.0.0.1:' . $port, '-t', $this->racine],
			[0 => ['file', '/dev/null', 'r'], 1 => ['file', $journal, 'a'], 2 => ['file', $journal, 'a']],
			$tubes,
			$this->racine,
			['PHP_CLI_SERVER_WORKERS' => '4', 'PATH' => (string) getenv('PATH')]
		);
		if (!is_resource($processus)) {
			throw new \RuntimeException('php -S did not start');
		}
		// setsid makes php -S the leader of a new process group whose id is its pid.
		$this->groupe = (int) proc_get_status($processus)['pid'];
		$this->serveur = $processus;
		$this->attendre('/spip.php?action=guichet_absente', 20);
	}

	/** Points the site at its URL, activates and installs the plugin, creates the webmaster, sets Guichet up. */
	private function installer(): void {
		$this->login = 'guichet_test';
		$this->motDePasse = bin2hex(random_bytes(12));
		// SPIP refuses to install a plugin in the hit that activates it: two runs, as its plugin page does.
		$this->php('ecrire_meta("adresse_site", ' . var_export($this->url, true) . ');
			include_spip("inc/plugin"); ecrire_plugin_actifs(["guichet"], false, "ajoute");
			$erreurs = plugin_donne_erreurs(true); if ($erreurs) { echo json_encode($erreurs); exit(1); }');
		$this->php('include_spip("inc/plugin"); ob_start(); plugin_installes_meta(); ob_end_clean();
			if (!defined("_DIR_PLUGIN_GUICHET") || !lire_config("guichet_base_version")) { echo "guichet not installed"; exit(1); }
			include_spip("action/editer_auteur");
			$id = (int) sql_getfetsel("id_auteur", "spip_auteurs", "login = " . sql_quote(' . var_export($this->login, true) . '));
			$session = $GLOBALS["visiteur_session"];
			if (!$id) { $id = auteur_inserer(); }
			$GLOBALS["visiteur_session"] = $session;
			auteur_modifier($id, ["nom" => "Trésorière des tests", "email" => "tresoriere@example.org"]);
			$GLOBALS["visiteur_session"] = $session;
			// login and password go through the auth layer (hashing), as the author form does.
			$erreur = auteur_instituer($id, ["statut" => "0minirezo", "webmestre" => "oui",
				"login" => ' . var_export($this->login, true) . ', "pass" => ' . var_export($this->motDePasse, true) . '], true);
			if ($erreur || sql_getfetsel("statut", "spip_auteurs", "id_auteur = " . $id) !== "0minirezo") { echo "webmaster not created: $erreur"; exit(1); }
			ecrire_config("guichet/simulation", "oui");
			ecrire_config("guichet/simulation_secret", ' . var_export(self::SECRET_SIMULATION, true) . ');
			ecrire_config("guichet/organisation/nom", "Les Amis du Jardin partagé");
			ecrire_config("guichet/hors_ligne/cheque_ordre", "Les Amis du Jardin partagé");
			ecrire_config("guichet/hors_ligne/cheque_adresse", "12 rue des Lilas, 93100 Montreuil");');
	}

	private function attendre(string $chemin, int $secondes = 30): void {
		$fin = microtime(true) + $secondes;
		do {
			$c = curl_init($this->url . $chemin);
			curl_setopt_array($c, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10, CURLOPT_CONNECTTIMEOUT => 1]);
			curl_exec($c);
			$statut = (int) curl_getinfo($c, CURLINFO_RESPONSE_CODE);
			curl_close($c);
			if ($statut > 0 && $statut < 500) {
				return;
			}
			usleep(50000);
		} while (microtime(true) < $fin);
		throw new \RuntimeException("SPIP does not answer at {$this->url}$chemin");
	}

	private static function portLibre(): int {
		$socket = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
		if ($socket === false) {
			throw new \RuntimeException("no free port: $errstr");
		}
		$nom = (string) stream_socket_get_name($socket, false);
		fclose($socket);
		return (int) substr($nom, (int) strrpos($nom, ':') + 1);
	}

	private static function sh(string $commande): void {
		exec($commande . ' 2>&1', $sortie, $code);
		if ($code !== 0) {
			throw new \RuntimeException("$commande: " . implode("\n", $sortie));
		}
	}
}
