<?php
/**
 * HTML of the no-JS payment form's fields: labelled controls, hints, and each error tied to its control by
 * aria-describedby and aria-invalid, so a screen reader announces it. Values shown are what the payer posted.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_adaptateur');
guichet_charger_adaptateur();

/**
 * @param array<string, mixed> $form FormConfig
 * @param array<string, mixed> $valeurs the CVT environment (posted values, erreurs)
 * @param array<int, array{valeur: string, libelle: string}> $moyens payment choices offered
 */
function guichet_champs_html(array $form, array $valeurs, array $moyens, $langue) {
	$erreurs = is_array($valeurs['erreurs'] ?? null) ? $valeurs['erreurs'] : [];
	$p = 'guichet-' . preg_replace('/[^A-Za-z0-9_-]/', '', (string) $form['id']) . '-' . guichet_champs_instance();
	$c = new GuichetChamps($p, $valeurs, $erreurs);
	$html = [];
	$devise = (string) $form['currency'];
	if ($form['kind'] === 'donation') {
		$don = $form['donation'];
		$suggestions = [];
		foreach ($don['presets'] ?? [] as $montant) {
			$suggestions[] = \Guichet\Adapter\Domain\Money::format((int) $montant, $devise, $langue, true);
		}
		$html[] = $c->texte('donation.amount', _T('guichet:champ_montant', ['devise' => $devise]), [
			'inputmode' => 'decimal', 'required' => true,
			'aide' => $suggestions ? _T('guichet:aide_montants', ['montants' => implode(', ', $suggestions)]) : '',
			'defaut' => isset($don['defaultAmount']) ? \Guichet\Adapter\Domain\Money::toDecimalString((int) $don['defaultAmount'], $devise) : '',
		]);
		$frequences = $don['frequencies'] ?? ['once'];
		if (count($frequences) > 1) {
			$options = [];
			foreach ($frequences as $f) {
				$options[$f] = _T('guichet:frequence_' . $f);
			}
			$html[] = $c->choix('donation.frequency', _T('guichet:champ_frequence'), $options, (string) ($don['defaultFrequency'] ?? 'once'));
		}
		if (!empty($form['taxReceipt']['enabled'])) {
			$html[] = $c->case_('donation.taxReceipt', _T('guichet:champ_recu_fiscal'));
		}
		if (!empty($don['allowAnonymous'])) {
			$html[] = $c->case_('donation.anonymous', _T('guichet:champ_anonyme'));
		}
	} elseif ($form['kind'] === 'membership') {
		$options = [];
		$libre = false;
		foreach ($form['membership']['tiers'] as $palier) {
			$prix = $palier['price'];
			$montant = $prix['type'] === 'fixed'
				? \Guichet\Adapter\Domain\Money::format((int) $prix['amount'], $devise, $langue)
				: _T('guichet:prix_libre');
			$libre = $libre || $prix['type'] !== 'fixed';
			$options[$palier['id']] = guichet_texte_localise($palier['name'], $langue) . ' — ' . $montant;
		}
		$html[] = $c->choix('membership.tierId', _T('guichet:champ_palier'), $options, (string) array_key_first($options));
		if ($libre) {
			$html[] = $c->texte('membership.amount', _T('guichet:champ_montant_libre', ['devise' => $devise]), ['inputmode' => 'decimal']);
		}
		if (!empty($form['taxReceipt']['enabled'])) {
			$html[] = $c->case_('membership.taxReceipt', _T('guichet:champ_recu_fiscal'));
		}
	} else {
		foreach ($form['tickets']['types'] as $i => $type) {
			$libelle = guichet_texte_localise($type['name'], $langue) . ' — ' . \Guichet\Adapter\Domain\Money::format((int) $type['price'], $devise, $langue);
			$html[] = $c->texte('tickets.items.' . $i . '.quantity', $libelle, [
				'type' => 'number', 'min' => '0', 'max' => (string) ($type['maxPerOrder'] ?? 30), 'defaut' => '0',
				'aide' => isset($type['description']) ? guichet_texte_localise($type['description'], $langue) : '',
				'erreur_de' => 'tickets.items',
			]);
		}
		if (!empty($form['tickets']['promoCodes'])) {
			$html[] = $c->texte('tickets.promoCode', _T('guichet:champ_code_promo'), []);
		}
	}
	$html[] = '<fieldset class="guichet-payeur"><legend>' . _T('guichet:legende_payeur') . '</legend>';
	$html[] = $c->texte('payer.email', _T('guichet:champ_email'), ['type' => 'email', 'autocomplete' => 'email', 'required' => true]);
	$html[] = $c->texte('payer.firstName', _T('guichet:champ_prenom'), ['autocomplete' => 'given-name', 'required' => true]);
	$html[] = $c->texte('payer.lastName', _T('guichet:champ_nom'), ['autocomplete' => 'family-name', 'required' => true]);
	if (!empty($form['taxReceipt']['enabled']) || $form['kind'] === 'membership') {
		$html[] = $c->texte('payer.address.line1', _T('guichet:champ_adresse'), ['autocomplete' => 'address-line1']);
		$html[] = $c->texte('payer.address.postalCode', _T('guichet:champ_code_postal'), ['autocomplete' => 'postal-code']);
		$html[] = $c->texte('payer.address.city', _T('guichet:champ_ville'), ['autocomplete' => 'address-level2']);
		$html[] = $c->texte('payer.address.country', _T('guichet:champ_pays'), ['autocomplete' => 'country', 'defaut' => 'FR']);
	}
	$html[] = '</fieldset>';
	$options = [];
	foreach ($moyens as $moyen) {
		$options[$moyen['valeur']] = $moyen['libelle'];
	}
	$html[] = $c->radios('payment.method', _T('guichet:legende_paiement'), $options);
	$html[] = $c->case_('consents.newsletterOptIn', _T('guichet:champ_lettre', ['association' => guichet_nom_association()]));
	return implode("\n", array_filter($html));
}

function guichet_champs_instance() {
	static $n = 0;
	return ++$n;
}

function guichet_texte_localise($texte, $langue) {
	if (is_string($texte)) {
		return $texte;
	}
	return (string) ($texte[$langue] ?? $texte['fr'] ?? reset($texte));
}

function guichet_nom_association() {
	include_spip('inc/config');
	return (string) lire_config('guichet/organisation/nom', lire_config('nom_site', ''));
}

/** Builds one control at a time; `payer.address.city` is posted as payer[address][city]. */
class GuichetChamps {
	private $prefixe;
	private $valeurs;
	private $erreurs;

	public function __construct($prefixe, array $valeurs, array $erreurs) {
		$this->prefixe = $prefixe;
		$this->valeurs = $valeurs;
		$this->erreurs = $erreurs;
	}

	public static function nom($chemin) {
		$morceaux = explode('.', $chemin);
		return array_shift($morceaux) . implode('', array_map(static function ($m) {
			return '[' . $m . ']';
		}, $morceaux));
	}

	/**
	 * What the payer typed. SPIP hands every CVT value to the squelette already HTML-escaped (protege_champ):
	 * it is unescaped here, and escaped once when printed, or "O'Brien" would come back as "O&#039;Brien".
	 */
	private function valeur($chemin) {
		$v = $this->valeurs;
		foreach (explode('.', $chemin) as $m) {
			if (!is_array($v) || !array_key_exists($m, $v)) {
				return null;
			}
			$v = $v[$m];
		}
		return is_scalar($v) ? htmlspecialchars_decode((string) $v, ENT_QUOTES | ENT_HTML401) : null;
	}

	private function id($chemin) {
		return $this->prefixe . '-' . str_replace('.', '-', $chemin);
	}

	/** The error block and the attributes that tie it to the control. */
	private function erreur($chemin, $aide, $erreurDe = null) {
		$message = $this->erreurs[$chemin] ?? ($erreurDe !== null ? ($this->erreurs[$erreurDe] ?? null) : null);
		$decrit = [];
		$html = '';
		if ($aide !== '') {
			$decrit[] = $this->id($chemin) . '-aide';
			$html .= '<span class="explication" id="' . $this->id($chemin) . '-aide">' . spip_htmlspecialchars($aide) . '</span>';
		}
		if ($message !== null) {
			$decrit[] = $this->id($chemin) . '-erreur';
			// Already HTML: SPIP's CVT errors are (verifier escapes the text, SPIP adds its role="alert" span).
			$html .= '<span class="erreur_message" id="' . $this->id($chemin) . '-erreur">' . $message . '</span>';
		}
		$attributs = ($decrit ? ' aria-describedby="' . implode(' ', $decrit) . '"' : '') . ($message !== null ? ' aria-invalid="true"' : '');
		return [$html, $attributs, $message !== null];
	}

	public function texte($chemin, $libelle, array $options) {
		[$bloc, $attributs, $enErreur] = $this->erreur($chemin, (string) ($options['aide'] ?? ''), $options['erreur_de'] ?? null);
		$valeur = $this->valeur($chemin) ?? (string) ($options['defaut'] ?? '');
		$extra = '';
		foreach (['inputmode', 'autocomplete', 'min', 'max'] as $a) {
			if (isset($options[$a])) {
				$extra .= ' ' . $a . '="' . spip_htmlspecialchars($options[$a]) . '"';
			}
		}
		if (!empty($options['required'])) {
			$extra .= ' required="required"';
		}
		return '<div class="editer editer_' . str_replace('.', '_', $chemin) . ($enErreur ? ' erreur' : '') . '">'
			. '<label for="' . $this->id($chemin) . '">' . spip_htmlspecialchars($libelle) . '</label>' . $bloc
			. '<input type="' . ($options['type'] ?? 'text') . '" class="text" name="' . self::nom($chemin) . '" id="' . $this->id($chemin) . '"'
			. ' value="' . spip_htmlspecialchars($valeur) . '"' . $extra . $attributs . ' />'
			. '</div>';
	}

	public function choix($chemin, $libelle, array $options, $defaut) {
		[$bloc, $attributs, $enErreur] = $this->erreur($chemin, '');
		$choisi = $this->valeur($chemin) ?? $defaut;
		$html = '<div class="editer editer_' . str_replace('.', '_', $chemin) . ($enErreur ? ' erreur' : '') . '">'
			. '<label for="' . $this->id($chemin) . '">' . spip_htmlspecialchars($libelle) . '</label>' . $bloc
			. '<select name="' . self::nom($chemin) . '" id="' . $this->id($chemin) . '"' . $attributs . '>';
		foreach ($options as $valeur => $texte) {
			$html .= '<option value="' . spip_htmlspecialchars((string) $valeur) . '"' . ((string) $valeur === $choisi ? ' selected="selected"' : '') . '>'
				. spip_htmlspecialchars($texte) . '</option>';
		}
		return $html . '</select></div>';
	}

	public function radios($chemin, $legende, array $options) {
		[$bloc, $attributs, $enErreur] = $this->erreur($chemin, '');
		$choisi = $this->valeur($chemin) ?? (string) array_key_first($options);
		$html = '<fieldset class="editer editer_' . str_replace('.', '_', $chemin) . ($enErreur ? ' erreur' : '') . '"' . $attributs . '>'
			. '<legend>' . spip_htmlspecialchars($legende) . '</legend>' . $bloc;
		$i = 0;
		foreach ($options as $valeur => $texte) {
			$id = $this->id($chemin) . '-' . $i++;
			$html .= '<div class="choix"><input type="radio" name="' . self::nom($chemin) . '" id="' . $id . '" value="' . spip_htmlspecialchars((string) $valeur) . '"'
				. ((string) $valeur === $choisi ? ' checked="checked"' : '') . ' />'
				. '<label for="' . $id . '">' . spip_htmlspecialchars($texte) . '</label></div>';
		}
		return $html . '</fieldset>';
	}

	public function case_($chemin, $libelle) {
		[$bloc, $attributs, $enErreur] = $this->erreur($chemin, '');
		$coche = !empty($this->valeur($chemin));
		return '<div class="editer editer_' . str_replace('.', '_', $chemin) . ($enErreur ? ' erreur' : '') . ' choix">'
			. '<input type="hidden" name="' . self::nom($chemin) . '" value="" />'
			. '<input type="checkbox" name="' . self::nom($chemin) . '" id="' . $this->id($chemin) . '" value="1"' . ($coche ? ' checked="checked"' : '') . $attributs . ' />'
			. '<label for="' . $this->id($chemin) . '">' . spip_htmlspecialchars($libelle) . '</label>' . $bloc . '</div>';
	}
}
