<?php
/**
 * SPIP API stand-in: recuperer_fond() for the handful of squelette constructs our modèles and forms use —
 * `#BALISE{args}` with `|filtre{args}`, `[avant(#BALISE|filtre)après]`, `<:module:cle:>`, `<INCLURE{…}>`,
 * #ENV, #GET/#SET, #LANG, #VAL, #LISTE, #REM, #INCLURE, #FORM, #ACTION_FORMULAIRE and #FORMULAIRE_… — and the CVT cycle
 * behind the latter, plus SPIP's own modeles/formulaire.
 * Anything else fails loudly so a squelette never silently passes with a construct this does not know.
 */

class StandinSquelette {
	private $s;
	private $i = 0;

	public function __construct($source) {
		$this->s = $source;
	}

	public static function compiler($source) {
		$p = new self($source);
		$noeuds = $p->sequence([]);
		if ($p->i < strlen($p->s)) {
			throw new \RuntimeException('Squelette: unexpected "' . substr($p->s, $p->i, 20) . '"');
		}
		return $noeuds;
	}

	private function voit($texte) {
		return substr_compare($this->s, $texte, $this->i, strlen($texte)) === 0;
	}

	/** Nodes until one of $arrets is seen (not consumed). */
	private function sequence(array $arrets) {
		$noeuds = [];
		$texte = '';
		$n = strlen($this->s);
		while ($this->i < $n) {
			foreach ($arrets as $a) {
				if ($this->voit($a)) {
					break 2;
				}
			}
			if ($this->voit('<:')) {
				$fin = strpos($this->s, ':>', $this->i + 2);
				$noeuds[] = ['texte', $texte];
				$texte = '';
				$noeuds[] = ['idiome', substr($this->s, $this->i + 2, $fin - $this->i - 2)];
				$this->i = $fin + 2;
				continue;
			}
			if ($this->voit('<INCLURE{')) {
				// The dynamic inclusion: computed at each hit in SPIP, computed here like #INCLURE.
				$noeuds[] = ['texte', $texte];
				$texte = '';
				$this->i += strlen('<INCLURE');
				$noeuds[] = ['balise', 'INCLURE', 0, $this->arguments(), []];
				if (!$this->voit('>')) {
					throw new \RuntimeException('Squelette: ">" expected after <INCLURE{…}');
				}
				$this->i++;
				continue;
			}
			if ($this->s[$this->i] === '[' && ($cond = $this->conditionnel()) !== null) {
				$noeuds[] = ['texte', $texte];
				$texte = '';
				$noeuds[] = $cond;
				continue;
			}
			if ($this->s[$this->i] === '#' && preg_match('/\G#[A-Z][A-Z0-9_]*/', $this->s, $m, 0, $this->i)) {
				$noeuds[] = ['texte', $texte];
				$texte = '';
				$noeuds[] = $this->balise(in_array(',', $arrets, true) || in_array('}', $arrets, true));
				continue;
			}
			$texte .= $this->s[$this->i++];
		}
		$noeuds[] = ['texte', $texte];
		return $noeuds;
	}

	/** [avant(#BALISE|filtres)après], or null (then '[' is plain text). */
	private function conditionnel() {
		$debut = $this->i;
		$this->i++;
		$avant = $this->sequence(['(#', ']']);
		if (!$this->voit('(#')) {
			$this->i = $debut;
			return null;
		}
		$this->i++;
		$balise = $this->balise(true, [')']);
		if (!$this->voit(')')) {
			throw new \RuntimeException('Squelette: ")" expected at ' . substr($this->s, $this->i, 30));
		}
		$this->i++;
		$apres = $this->sequence([']']);
		if (!$this->voit(']')) {
			throw new \RuntimeException('Squelette: "]" expected');
		}
		$this->i++;
		return ['cond', $avant, $balise, $apres];
	}

	private function balise($avecFiltres, array $fin = [',', '}']) {
		preg_match('/\G#([A-Z][A-Z0-9_]*)(\**)/', $this->s, $m, 0, $this->i);
		$this->i += strlen($m[0]);
		$args = $this->voit('{') ? $this->arguments() : null;
		$filtres = [];
		while ($avecFiltres && $this->voit('|')) {
			$this->i++;
			preg_match('/\G(==|[A-Za-z_][A-Za-z0-9_]*)/', $this->s, $f, 0, $this->i);
			$this->i += strlen($f[0]);
			$filtres[] = [$f[1], $this->voit('{') ? $this->arguments() : []];
		}
		return ['balise', $m[1], strlen($m[2]), $args, $filtres];
	}

	private function arguments() {
		$this->i++;
		$args = [];
		while (true) {
			while ($this->voit(' ')) {
				$this->i++;
			}
			$args[] = $this->sequence([',', '}']);
			if ($this->voit('}')) {
				$this->i++;
				return $args;
			}
			$this->i++;
		}
	}
}

class StandinRendu {
	public $env;
	public $vars = [];

	public function __construct(array $env) {
		$this->env = $env;
	}

	public function sequence(array $noeuds) {
		$out = '';
		foreach ($noeuds as $n) {
			$out .= $this->noeud($n);
		}
		return $out;
	}

	private function noeud(array $n) {
		switch ($n[0]) {
			case 'texte':
				return $n[1];
			case 'idiome':
				return _T($n[1]);
			case 'cond':
				$valeur = (string) $this->balise($n[2]);
				return $valeur === '' ? '' : $this->sequence($n[1]) . $valeur . $this->sequence($n[3]);
			default:
				return (string) $this->balise($n);
		}
	}

	private function balise(array $b) {
		[, $nom, $etoiles, $args, $filtres] = $b;
		$args = $args === null ? null : array_map(function ($a) {
			return trim($this->sequence($a));
		}, $args);
		$valeur = $this->valeur($nom, $etoiles, $args);
		foreach ($filtres as [$filtre, $fargs]) {
			$fargs = array_map(function ($a) {
				return trim($this->sequence($a));
			}, $fargs);
			if ($filtre === 'oui') {
				$valeur = ($valeur !== '' && $valeur !== null && $valeur !== false) ? ' ' : '';
			} elseif ($filtre === 'non') {
				$valeur = ($valeur === '' || $valeur === null || $valeur === false) ? ' ' : '';
			} elseif ($filtre === '==') {
				$valeur = (string) $valeur === (string) ($fargs[0] ?? '') ? ' ' : '';
			} else {
				$valeur = $filtre($valeur, ...$fargs);
			}
		}
		return $valeur;
	}

	private function valeur($nom, $etoiles, $args) {
		switch ($nom) {
			case 'REM':
				return '';
			case 'LANG':
				return $GLOBALS['spip_lang'];
			case 'VAL':
				return $args[0] ?? '';
			case 'LISTE':
				// An array in SPIP; values travel as strings here, so as a serialized array like #ENV{…} of one.
				return serialize($args ?? []);
			case 'ENV':
				if ($args === null) {
					return serialize($this->env);
				}
				$v = $this->env[$args[0]] ?? ($args[1] ?? '');
				if (is_array($v)) {
					return serialize($v);
				}
				return $etoiles ? (string) $v : spip_htmlspecialchars((string) $v);
			case 'GET':
				return $this->vars[$args[0]] ?? '';
			case 'SET':
				$this->vars[$args[0]] = $args[1] ?? '';
				return '';
			case 'INCLURE':
				$contexte = [];
				foreach ($args as $a) {
					[$k, $v] = array_pad(explode('=', $a, 2), 2, '');
					$contexte[trim($k)] = trim($v);
				}
				$fond = $contexte['fond'];
				unset($contexte['fond']);
				return recuperer_fond($fond, $contexte);
			case 'FORM':
				return $this->env['form'] ?? '';
			case 'ACTION_FORMULAIRE':
				return '<input type="hidden" name="formulaire_action" value="' . attribut_html($this->env['form'] ?? '') . '" />'
					. '<input type="hidden" name="formulaire_action_args" value="' . attribut_html($this->env['formulaire_args'] ?? '') . '" />';
		}
		if (strpos($nom, 'FORMULAIRE_') === 0) {
			return standin_formulaire(strtolower(substr($nom, strlen('FORMULAIRE_'))), $args ?? []);
		}
		throw new \RuntimeException("Squelette: #$nom is not known to the stand-in");
	}
}

function recuperer_fond($fond, $contexte = [], $options = [], $connect = '') {
	if ($fond === 'modeles/formulaire') {
		return standin_modele_formulaire($contexte);
	}
	$fichier = find_in_path($fond . '.html');
	if (!$fichier) {
		throw new \RuntimeException("recuperer_fond: $fond.html not found");
	}
	include_spip('guichet_fonctions');
	$rendu = new StandinRendu($contexte + ['lang' => $GLOBALS['spip_lang']]);
	return $rendu->sequence(StandinSquelette::compiler((string) file_get_contents($fichier)));
}

/**
 * SPIP's own modèle `formulaire` (`<formulaire|nom>`, or `#INCLURE{fond=modeles/formulaire, class=nom,
 * args=#LISTE{…}}` from another modèle): the form `nom` with those arguments, inside a <div>. SPIP's pages
 * keep the form's PHP out of their cache this way, so the arguments must be values, not #ENV references.
 */
function standin_modele_formulaire(array $contexte) {
	$args = is_string($contexte['args'] ?? null) ? @unserialize($contexte['args'], ['allowed_classes' => false]) : [];
	return '<div>' . standin_formulaire(strtolower((string) ($contexte['class'] ?? '')), is_array($args) ? array_values($args) : []) . '</div>';
}

/**
 * The CVT cycle of #FORMULAIRE_nom{args}: charger; on a POST of this form, verifier then (without errors)
 * traiter; posted values replace charger's defaults for the fields charger declared.
 * Returns the HTML; traiter's 'redirect' is kept in $GLOBALS['standin']['cvt'].
 */
function standin_formulaire($nom, array $args) {
	include_spip("formulaires/$nom");
	$resultat = ['erreurs' => [], 'traiter' => null];
	// As in SPIP, a posted form is verified and treated first (early in the hit), then charger fills the page.
	$poste = _request('formulaire_action') === $nom;
	$erreurs = [];
	$traiter = [];
	if ($poste) {
		$erreurs = ("formulaires_{$nom}_verifier_dist")(...$args);
		$resultat['erreurs'] = $erreurs;
		if (!$erreurs) {
			$traiter = ("formulaires_{$nom}_traiter_dist")(...$args);
			$resultat['traiter'] = $traiter;
		}
	}
	$env = ("formulaires_{$nom}_charger_dist")(...$args);
	if ($env === false) {
		return '';
	}
	if ($poste) {
		foreach ($env as $cle => $defaut) {
			if ($cle[0] !== '_' && _request($cle) !== null) {
				$env[$cle] = _request($cle);
			}
		}
		if ($erreurs) {
			// SPIP 4 (HTML5 sites) wraps each field's error, HTML already, in a span with role="alert".
			foreach ($erreurs as $cle => $message) {
				$env['erreurs'][$cle] = (is_string($message) && trim($message) !== '' && $cle[0] !== '_') ? "<span role='alert'>$message</span>" : $message;
			}
			$env['message_erreur'] = $erreurs['message_erreur'] ?? '';
		} else {
			$env = array_merge($env, $traiter);
		}
	}
	// SPIP escapes every value it hands to the form's squelette (protege_champ): strings with & " ' < or >,
	// nested arrays included.
	foreach ($env as $cle => $valeur) {
		if ($cle[0] !== '_' && !in_array($cle, ['message_ok', 'message_erreur', 'editable', 'erreurs'], true)) {
			$env[$cle] = standin_protege_champ($valeur);
		}
	}
	$env += ['editable' => true, 'form' => $nom, 'formulaire_args' => json_encode($args), 'action' => self()];
	if ($env['editable'] === false) {
		$env['editable'] = '';
	}
	$GLOBALS['standin']['cvt'][$nom][] = $resultat;
	return recuperer_fond("formulaires/$nom", $env);
}

/** SPIP's protege_champ() as documented: HTML-escapes strings (quotes included), recursively. */
function standin_protege_champ($valeur) {
	if (is_array($valeur)) {
		return array_map('standin_protege_champ', $valeur);
	}
	return (is_string($valeur) && strpbrk($valeur, "&\"'<>") !== false) ? htmlspecialchars($valeur, ENT_QUOTES | ENT_HTML401, 'UTF-8') : $valeur;
}
