<?php
/**
 * A visitor without JavaScript, over HTTP: its own cookies, redirects followed by hand (so tests see where
 * SPIP sends them), and SPIP's CVT forms filled in the way a browser submits them (every field the page
 * printed, hidden ones included, then what the visitor types).
 */

final class Navigateur {
	/** @var string */
	private $base;
	/** @var string */
	private $cookies;
	/** @var string the last page's URL */
	public $adresse = '';

	public function __construct(string $base) {
		$this->base = $base;
		$this->cookies = (string) tempnam(sys_get_temp_dir(), 'guichet-cookies-');
	}

	public function __destruct() {
		if (is_file($this->cookies)) {
			unlink($this->cookies);
		}
	}

	/**
	 * One HTTP exchange. @param array<string, string> $entetes
	 * @return array{statut: int, entetes: array<string, string>, corps: string, url: string}
	 */
	public function requete(string $methode, string $chemin, ?string $corps = null, array $entetes = []): array {
		$url = preg_match(',^https?://,', $chemin) ? $chemin : $this->base . '/' . ltrim($chemin, '/');
		$recus = [];
		$c = curl_init($url);
		curl_setopt_array($c, [
			CURLOPT_CUSTOMREQUEST => $methode,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT => 60,
			CURLOPT_COOKIEFILE => $this->cookies,
			CURLOPT_COOKIEJAR => $this->cookies,
			CURLOPT_HTTPHEADER => array_map(static function ($nom, $valeur) {
				return "$nom: $valeur";
			}, array_keys($entetes), $entetes),
			CURLOPT_HEADERFUNCTION => static function ($c, $ligne) use (&$recus) {
				if (strpos($ligne, ':') !== false) {
					[$nom, $valeur] = explode(':', $ligne, 2);
					$recus[strtolower(trim($nom))] = trim($valeur);
				}
				return strlen($ligne);
			},
		]);
		if ($corps !== null) {
			curl_setopt($c, CURLOPT_POSTFIELDS, $corps);
		}
		$recu = curl_exec($c);
		if ($recu === false) {
			throw new \RuntimeException("$methode $url: " . curl_error($c));
		}
		$statut = (int) curl_getinfo($c, CURLINFO_RESPONSE_CODE);
		curl_close($c);
		// Cookies must reach the jar before the next request reads it.
		unset($c);
		$this->adresse = $url;
		return ['statut' => $statut, 'entetes' => $recus, 'corps' => (string) $recu, 'url' => $url];
	}

	/** GET, following redirects like a browser; returns the last answer. @return array{statut: int, entetes: array<string, string>, corps: string, url: string} */
	public function get(string $chemin): array {
		return $this->suivre($this->requete('GET', $chemin));
	}

	/** POSTs form fields (a browser's urlencoded body), following redirects. @param array<string, mixed> $champs */
	public function post(string $chemin, array $champs): array {
		return $this->suivre($this->requete('POST', $chemin, http_build_query($champs), ['Content-Type' => 'application/x-www-form-urlencoded']));
	}

	/** @param array{statut: int, entetes: array<string, string>, corps: string, url: string} $reponse */
	public function suivre(array $reponse): array {
		for ($i = 0; $i < 10 && in_array($reponse['statut'], [301, 302, 303, 307], true); $i++) {
			$reponse = $this->requete('GET', self::absolue($reponse['url'], $reponse['entetes']['location'] ?? ''));
		}
		return $reponse;
	}

	/**
	 * The fields of the CVT form `$nom` on a page as a browser would send them (checked boxes and radios
	 * only, the first option of a select unless one is selected), then `$saisie` on top (nested arrays become
	 * `payer[email]`…). Submits, and follows redirects unless told not to.
	 * @param array<string, mixed> $saisie
	 */
	public function soumettre(string $html, string $nom, array $saisie, int $rang = 0, bool $suivre = true): array {
		[$action, $champs] = self::formulaire($html, $nom, $rang);
		foreach (self::aplatir($saisie) as $cle => $valeur) {
			$champs[$cle] = $valeur;
		}
		$reponse = $this->requete('POST', self::absolue($this->adresse, $action), self::encoder($champs), ['Content-Type' => 'application/x-www-form-urlencoded']);
		return $suivre ? $this->suivre($reponse) : $reponse;
	}

	/** @return array{0: string, 1: array<string, string>} the form's action and its fields, by name */
	public static function formulaire(string $html, string $nom, int $rang = 0): array {
		$dom = self::dom($html);
		$xpath = new \DOMXPath($dom);
		$formulaires = $xpath->query("//form[.//input[@name='formulaire_action'][@value='$nom']]");
		$form = $formulaires ? $formulaires->item($rang) : null;
		if (!$form instanceof \DOMElement) {
			throw new \RuntimeException("no form $nom on the page");
		}
		$champs = [];
		foreach ($xpath->query('.//input|.//select|.//textarea', $form) ?: [] as $champ) {
			if (!$champ instanceof \DOMElement || !$champ->hasAttribute('name') || $champ->hasAttribute('disabled')) {
				continue;
			}
			$type = strtolower($champ->getAttribute('type'));
			$nomChamp = $champ->getAttribute('name');
			if ($champ->tagName === 'select') {
				$choix = $xpath->query('.//option[@selected]', $champ);
				$choix = ($choix && $choix->length) ? $choix : $xpath->query('.//option', $champ);
				$option = $choix ? $choix->item(0) : null;
				$champs[$nomChamp] = $option instanceof \DOMElement ? ($option->hasAttribute('value') ? $option->getAttribute('value') : $option->textContent) : '';
			} elseif ($champ->tagName === 'textarea') {
				$champs[$nomChamp] = $champ->textContent;
			} elseif (in_array($type, ['checkbox', 'radio'], true)) {
				if ($champ->hasAttribute('checked')) {
					$champs[$nomChamp] = $champ->getAttribute('value') ?: 'on';
				}
			} elseif (!in_array($type, ['submit', 'button', 'image', 'reset', 'file'], true)) {
				$champs[$nomChamp] = $champ->getAttribute('value');
			}
		}
		return [html_entity_decode($form->getAttribute('action'), ENT_QUOTES | ENT_HTML5), $champs];
	}

	public static function dom(string $html): \DOMDocument {
		$dom = new \DOMDocument();
		$precedent = libxml_use_internal_errors(true);
		$dom->loadHTML('<?xml encoding="utf-8"?>' . $html);
		libxml_clear_errors();
		libxml_use_internal_errors($precedent);
		return $dom;
	}

	/** The text of the elements an XPath expression finds, whitespace collapsed. @return string[] */
	public static function textes(string $html, string $xpath): array {
		$textes = [];
		foreach ((new \DOMXPath(self::dom($html)))->query($xpath) ?: [] as $noeud) {
			$textes[] = trim((string) preg_replace('/\s+/u', ' ', $noeud->textContent));
		}
		return $textes;
	}

	/** ['payer' => ['email' => 'x']] -> ['payer[email]' => 'x'] @return array<string, string> */
	private static function aplatir(array $valeurs, string $prefixe = ''): array {
		$plat = [];
		foreach ($valeurs as $cle => $valeur) {
			$nom = $prefixe === '' ? (string) $cle : $prefixe . '[' . $cle . ']';
			if (is_array($valeur)) {
				$plat += self::aplatir($valeur, $nom);
			} else {
				$plat[$nom] = (string) $valeur;
			}
		}
		return $plat;
	}

	/** Field names already carry their brackets: encode them as they are, like a browser. */
	private static function encoder(array $champs): string {
		$paires = [];
		foreach ($champs as $nom => $valeur) {
			$paires[] = rawurlencode((string) $nom) . '=' . rawurlencode((string) $valeur);
		}
		return implode('&', $paires);
	}

	private static function absolue(string $depuis, string $cible): string {
		if ($cible === '' || preg_match(',^https?://,', $cible)) {
			return $cible === '' ? $depuis : $cible;
		}
		$p = parse_url($depuis);
		$origine = $p['scheme'] . '://' . $p['host'] . (isset($p['port']) ? ':' . $p['port'] : '');
		if ($cible[0] === '/') {
			return $origine . $cible;
		}
		if ($cible[0] === '?') {
			return $origine . ($p['path'] ?? '/') . $cible;
		}
		$dossier = preg_replace(',[^/]*$,', '', $p['path'] ?? '/');
		$chemin = $dossier . $cible;
		// ./ and ../ segments, as a browser resolves them
		$segments = [];
		foreach (explode('/', $chemin) as $segment) {
			if ($segment === '..') {
				array_pop($segments);
			} elseif ($segment !== '.') {
				$segments[] = $segment;
			}
		}
		return $origine . implode('/', $segments);
	}
}
