<?php
/** SPIP API stand-in: the core functions (see README.md). */

define('_ECRIRE_INC_VERSION', '4.1.standin');
define('_LOG_HS', 0);
define('_LOG_ALERTE_ROUGE', 1);
define('_LOG_CRITIQUE', 2);
define('_LOG_ERREUR', 3);
define('_LOG_AVERTISSEMENT', 4);
define('_LOG_INFO_IMPORTANTE', 5);
define('_LOG_INFO', 6);
define('_LOG_DEBUG', 7);
define('_SPIP_CHMOD', 0777);
// The site's local/ folder (files SPIP makes and serves), a fresh one per test run.
define('_DIR_VAR', sys_get_temp_dir() . '/guichet-standin-local-' . bin2hex(random_bytes(4)) . '/');
register_shutdown_function(static function () {
	if (is_dir(_DIR_VAR)) {
		exec('rm -rf ' . escapeshellarg(_DIR_VAR));
	}
});

/** Thrown where SPIP would stop the hit (forged action, redirect). */
class StandinArret extends \RuntimeException {
	public $redirection;

	public function __construct($message, $redirection = null) {
		parent::__construct($message);
		$this->redirection = $redirection;
	}
}

function standin_reset(string $pluginDir) {
	$GLOBALS['standin'] = [
		'chemins' => [rtrim($pluginDir, '/') . '/'],
		'plugin' => rtrim($pluginDir, '/'),
		'logs' => [],
		'manquantes' => [],
		'requete' => [],
		'inclus' => [],
		'secret' => 'standin-secret-' . bin2hex(random_bytes(4)),
	];
	$GLOBALS['meta'] = [];
	$GLOBALS['spip_lang'] = 'fr';
	$GLOBALS['visiteur_session'] = [];
	unset($GLOBALS['redirect']);
	$_GET = $_POST = $_REQUEST = [];
}

/* Loading files and functions ------------------------------------------------------------------------ */

function find_in_path($file, $dirname = '', $include = false) {
	$nom = ($dirname ? rtrim($dirname, '/') . '/' : '') . $file;
	foreach ($GLOBALS['standin']['chemins'] as $chemin) {
		if (is_file($chemin . $nom)) {
			if ($include) {
				include_once $chemin . $nom;
			}
			return $chemin . $nom;
		}
	}
	return false;
}

/** Core modules the stand-in provides itself: including them is a no-op. */
function standin_modules_coeur() {
	return ['inc/headers', 'inc/config', 'inc/autoriser', 'inc/actions', 'base/upgrade', 'base/abstract_sql',
		'inc/filtres', 'inc/texte', 'inc/utils', 'inc/minipres', 'inc/lang', 'inc/securiser_action'];
}

function include_spip($f, $include = true) {
	$fichier = find_in_path($f . '.php');
	if ($fichier) {
		if ($include) {
			include_once $fichier;
		}
		return $fichier;
	}
	return in_array($f, standin_modules_coeur(), true) ? true : false;
}

/** Documented lookup: the overriding name first, then `_dist`, after including `dossier/nom.php`. */
function charger_fonction($nom, $dossier = 'exec', $continue = false) {
	$prefixe = $dossier ? str_replace('/', '_', rtrim($dossier, '/')) . '_' : '';
	foreach ([$prefixe . $nom, $prefixe . $nom . '_dist'] as $f) {
		if (function_exists($f)) {
			return $f;
		}
	}
	include_spip(($dossier ? rtrim($dossier, '/') . '/' : '') . $nom);
	foreach ([$prefixe . $nom, $prefixe . $nom . '_dist'] as $f) {
		if (function_exists($f)) {
			return $f;
		}
	}
	if ($continue) {
		return '';
	}
	throw new \RuntimeException("charger_fonction: $prefixe$nom not found");
}

/* Request ------------------------------------------------------------------------------------------------ */

function _request($var, $c = false) {
	if (is_array($c)) {
		return $c[$var] ?? null;
	}
	if (array_key_exists($var, $GLOBALS['standin']['requete'])) {
		return $GLOBALS['standin']['requete'][$var];
	}
	return $_GET[$var] ?? $_POST[$var] ?? null;
}

function set_request($var, $val = null, $c = false) {
	$GLOBALS['standin']['requete'][$var] = $val;
	if ($val === null) {
		unset($_GET[$var], $_POST[$var]);
	}
	return false;
}

/* Logs, strings, pipelines ----------------------------------------------------------------------------- */

/** Like SPIP: the file name carries the level as a suffix number; levels above _LOG_INFO are kept too here. */
/**
 * Records every line with its level. SPIP itself writes only up to _LOG_INFO_IMPORTANTE unless a site raises
 * _LOG_FILTRE_GRAVITE, so tests that look for secrets look at every level.
 */
function spip_log($message = null, $name = null) {
	$niveau = _LOG_INFO;
	$fichier = (string) $name;
	if (preg_match('/^(.*?)(\d)$/', $fichier, $m)) {
		$fichier = $m[1];
		$niveau = (int) $m[2];
	}
	$GLOBALS['standin']['logs'][] = ['fichier' => $fichier, 'niveau' => $niveau, 'message' => is_string($message) ? $message : print_r($message, true)];
}

function _T($texte, $args = [], $options = []) {
	[$module, $cle] = strpos($texte, ':') !== false ? explode(':', $texte, 2) : ['spip', $texte];
	$langue = $GLOBALS['spip_lang'] ?? 'fr';
	$chaines = standin_chaines($module, $langue);
	if (!isset($chaines[$cle])) {
		if ($module !== 'spip') {
			$GLOBALS['standin']['manquantes'][] = "$module:$cle ($langue)";
		}
		return str_replace('_', ' ', $cle);
	}
	$chaine = $chaines[$cle];
	foreach ((array) $args as $nom => $valeur) {
		$chaine = str_replace('@' . $nom . '@', (string) $valeur, $chaine);
	}
	return $chaine;
}

function standin_chaines($module, $langue) {
	static $cache = [];
	$cle = "$module/$langue/" . $GLOBALS['standin']['plugin'];
	if (!isset($cache[$cle])) {
		$fichier = find_in_path("lang/{$module}_{$langue}.php");
		$GLOBALS['idx_lang'] = 'i18n_' . $module . '_' . $langue;
		$GLOBALS[$GLOBALS['idx_lang']] = [];
		if ($fichier) {
			include $fichier;
		}
		$cache[$cle] = $GLOBALS[$GLOBALS['idx_lang']];
	}
	return $cache[$cle];
}

/** The plugin's pipelines, as paquet.xml declares them (`inclure` file, function prefix_nom). */
function standin_pipelines() {
	$xml = simplexml_load_file($GLOBALS['standin']['plugin'] . '/paquet.xml');
	$prefixe = (string) $xml['prefix'];
	$pipelines = [];
	foreach ($xml->pipeline as $p) {
		$pipelines[(string) $p['nom']][] = ['prefixe' => $prefixe, 'inclure' => (string) $p['inclure'], 'action' => isset($p['action']) ? (string) $p['action'] : null];
	}
	return $pipelines;
}

function pipeline($action, $val = null) {
	foreach (standin_pipelines()[$action] ?? [] as $p) {
		if ($p['action'] === '') {
			continue; // declared for others to use, nothing to call here
		}
		if ($p['inclure'] !== '') {
			include_once $GLOBALS['standin']['plugin'] . '/' . $p['inclure'];
		}
		$f = $p['prefixe'] . '_' . ($p['action'] ?: $action);
		$val = $f($val);
	}
	foreach ($GLOBALS['standin_ecouteurs'][$action] ?? [] as $ecouteur) {
		$val = $ecouteur($val);
	}
	return $val;
}

/* Metas and configuration ----------------------------------------------------------------------------- */

function lire_meta($nom) {
	return $GLOBALS['meta'][$nom] ?? null;
}

function ecrire_meta($nom, $valeur, $importable = null, $table = 'meta') {
	$GLOBALS['meta'][$nom] = $valeur;
	sql_delete('spip_meta', 'nom = ' . sql_quote($nom));
	sql_insertq('spip_meta', ['nom' => $nom, 'valeur' => $valeur]);
}

function effacer_meta($nom, $table = 'meta') {
	unset($GLOBALS['meta'][$nom]);
	sql_delete('spip_meta', 'nom = ' . sql_quote($nom));
}

/** lire_config('plugin/a/b', defaut): the meta `plugin` (a serialized array), then the path inside it. */
function lire_config($cfg = '', $def = null, $unserialize = true) {
	$chemin = explode('/', $cfg);
	$meta = array_shift($chemin);
	if (!array_key_exists($meta, $GLOBALS['meta'])) {
		return $def;
	}
	$valeur = $GLOBALS['meta'][$meta];
	if (is_string($valeur) && $unserialize) {
		$tableau = @unserialize($valeur);
		$valeur = $tableau === false && $valeur !== 'b:0;' ? $valeur : $tableau;
	}
	foreach ($chemin as $cle) {
		if ($cle === '') {
			continue;
		}
		if (!is_array($valeur) || !array_key_exists($cle, $valeur)) {
			return $def;
		}
		$valeur = $valeur[$cle];
	}
	return $valeur;
}

function ecrire_config($cfg, $valeur) {
	$chemin = explode('/', $cfg);
	$meta = array_shift($chemin);
	if ($chemin === []) {
		ecrire_meta($meta, is_array($valeur) ? serialize($valeur) : $valeur);
		return true;
	}
	$tout = lire_config($meta, []);
	$tout = is_array($tout) ? $tout : [];
	$ici = &$tout;
	foreach ($chemin as $cle) {
		if (!isset($ici[$cle]) || !is_array($ici[$cle])) {
			$ici[$cle] = $ici[$cle] ?? [];
		}
		$ici = &$ici[$cle];
	}
	$ici = $valeur;
	unset($ici);
	ecrire_meta($meta, serialize($tout));
	return true;
}

function effacer_config($cfg) {
	effacer_meta(explode('/', $cfg)[0]);
	return true;
}

/* URLs and HTML helpers ------------------------------------------------------------------------------- */

define('STANDIN_SITE', 'https://asso.example/');

/** SPIP's URL makers write `&amp;` between parameters (ready for HTML) unless $no_entities is true. */
function standin_entites($url, $no_entities) {
	return $no_entities ? $url : str_replace('&', '&amp;', $url);
}
function generer_url_public($script = '', $args = '', $no_entities = false, $rel = true, $action = '') {
	$url = 'spip.php' . ($script ? '?page=' . $script : '');
	if ($args) {
		$url .= (strpos($url, '?') === false ? '?' : '&') . $args;
	}
	return standin_entites($rel ? $url : STANDIN_SITE . $url, $no_entities);
}

function generer_url_action($script, $args = '', $no_entities = false, $public = false) {
	return generer_url_public('', 'action=' . $script . ($args ? '&' . $args : ''), $no_entities);
}

function generer_url_ecrire($script = '', $args = '', $no_entities = false, $rel = false) {
	return standin_entites('ecrire/?exec=' . $script . ($args ? '&' . $args : ''), $no_entities);
}

function url_absolue($url, $base = '') {
	return preg_match(',^[a-z]+://,i', $url) ? $url : STANDIN_SITE . ltrim($url, '/');
}

function self($amp = '&amp;', $root = false) {
	return $GLOBALS['standin']['self'] ?? 'spip.php?article1';
}

/** parametre_url($url, $c, $v): sets (or with '' removes) one query parameter. */
function parametre_url($url, $c, $v = null, $sep = '&amp;') {
	[$base, $ancre] = array_pad(explode('#', $url, 2), 2, null);
	[$chemin, $query] = array_pad(explode('?', $base, 2), 2, '');
	$params = [];
	foreach ($query === '' ? [] : explode('&', str_replace('&amp;', '&', $query)) as $morceau) {
		[$k, $val] = array_pad(explode('=', $morceau, 2), 2, null);
		$params[$k] = $val;
	}
	if ($v === null) {
		return isset($params[$c]) ? rawurldecode((string) $params[$c]) : '';
	}
	if ($v === '') {
		unset($params[$c]);
	} else {
		$params[$c] = rawurlencode((string) $v);
	}
	$morceaux = [];
	foreach ($params as $k => $val) {
		$morceaux[] = $val === null ? $k : $k . '=' . $val;
	}
	return $chemin . ($morceaux ? '?' . implode($sep, $morceaux) : '') . ($ancre !== null ? '#' . $ancre : '');
}

function spip_htmlspecialchars($texte, $flags = ENT_COMPAT | ENT_HTML401, $charset = 'UTF-8', $double_encode = true) {
	return htmlspecialchars((string) $texte, $flags, $charset, $double_encode);
}

function attribut_html($texte) {
	return htmlspecialchars(strip_tags((string) $texte), ENT_QUOTES, 'UTF-8');
}

/** Creates $base/$dossier/ if needed; returns it with its trailing slash ('' if it cannot be made). */
function sous_repertoire($base, $dossier = '') {
	$chemin = rtrim($base, '/') . '/' . ($dossier === '' ? '' : trim($dossier, '/') . '/');
	return (is_dir($chemin) || @mkdir($chemin, _SPIP_CHMOD, true)) ? $chemin : '';
}

function timestamp($fichier) {
	return $fichier . '?' . (is_file($fichier) ? filemtime($fichier) : 0);
}

function minipres($titre = '', $corps = '') {
	return '<html><body><h1>' . $titre . '</h1>' . $corps . '</body></html>';
}

function redirige_par_entete($url) {
	throw new StandinArret('redirect', $url);
}

/* Permissions and signed actions ----------------------------------------------------------------------- */

/** Documented lookup order: type_faire, type, faire, defaut — each overridable name before its `_dist`. */
function autoriser($faire, $type = '', $id = 0, $qui = null, $opt = []) {
	static $charge = false;
	if (!$charge) {
		pipeline('autoriser');
		$charge = true;
	}
	$qui = $qui ?? ($GLOBALS['visiteur_session'] ?? []);
	$type = str_replace('_', '', strtolower((string) $type));
	$faire = str_replace('_', '', strtolower((string) $faire));
	$noms = [];
	if ($type !== '') {
		$noms[] = "autoriser_{$type}_{$faire}";
		$noms[] = "autoriser_{$type}";
	}
	$noms[] = "autoriser_{$faire}";
	foreach ($noms as $nom) {
		foreach ([$nom, $nom . '_dist'] as $f) {
			if (function_exists($f)) {
				return (bool) $f($faire, $type, $id, $qui, $opt);
			}
		}
	}
	// SPIP's default: only administrators.
	return ($qui['statut'] ?? '') === '0minirezo' && empty($qui['restreint']);
}

function standin_hash_action($action, $arg) {
	$auteur = (int) ($GLOBALS['visiteur_session']['id_auteur'] ?? 0);
	return hash_hmac('sha256', "$action|$arg|$auteur", $GLOBALS['standin']['secret']);
}

/**
 * The URL of a private action signed for the current author (generer_action_auteur); $mode false gives `&amp;`
 * between parameters, true gives `&` (SPIP's securiser_action modes).
 */
function generer_action_auteur($action, $arg, $redirect = '', $mode = false, $att = '', $public = false) {
	return generer_url_action($action, 'arg=' . rawurlencode($arg) . '&hash=' . standin_hash_action($action, $arg), $mode === true);
}

/** Checks the hash of a private action for the current author; returns its `arg` or stops the hit. */
function inc_securiser_action_dist($action = '', $arg = '', $redirect = '', $mode = false, $att = '', $public = false) {
	$action = $action ?: (string) _request('action');
	$arg = (string) _request('arg');
	$hash = (string) _request('hash');
	if ($hash === '' || !hash_equals(standin_hash_action($action, $arg), $hash)) {
		throw new StandinArret('securiser_action: forged or expired action');
	}
	return $arg;
}

function inc_envoyer_mail_dist($destinataire, $sujet, $corps) {
	$GLOBALS['standin']['mails'][] = [$destinataire, $sujet, $corps];
	return true;
}
