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
		$html[] = guichet_champs_perso($c, $form['membership']['fields'] ?? [], 'membership.fields', $langue);
	} else {
		foreach ($form['tickets']['types'] as $i => $type) {
			$libelle = guichet_texte_localise($type['name'], $langue) . ' — ' . \Guichet\Adapter\Domain\Money::format((int) $type['price'], $devise, $langue);
			$html[] = $c->texte('tickets.items.' . $i . '.quantity', $libelle, [
				'type' => 'number', 'min' => '0', 'max' => (string) ($type['maxPerOrder'] ?? 30), 'defaut' => '0',
				'aide' => isset($type['description']) ? guichet_texte_localise($type['description'], $langue) : '',
				'erreur_de' => 'tickets.items',
			]);
		}
		if (!empty($form['tickets']['attendeeNames'])) {
			$html[] = guichet_champs_participants($c, $form, $valeurs, $langue);
		}
		if (!empty($form['tickets']['promoCodes'])) {
			$html[] = $c->texte('tickets.promoCode', _T('guichet:champ_code_promo'), []);
		}
		$html[] = guichet_champs_perso($c, $form['tickets']['fields'] ?? [], 'tickets.fields', $langue);
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
	// Any error about a field this form does not show is listed first, never lost.
	array_unshift($html, $c->erreursRestantes());
	return implode("\n", array_filter($html));
}

/**
 * The editor's own questions (FormConfig `fields`), at `$base.<id>`: text, date, choice or checkbox.
 * @param array<int, array<string, mixed>> $champs
 */
function guichet_champs_perso(GuichetChamps $c, array $champs, $base, $langue) {
	$html = [];
	foreach ($champs as $champ) {
		$chemin = $base . '.' . $champ['id'];
		$libelle = guichet_texte_localise($champ['label'], $langue);
		$aide = isset($champ['help']) ? guichet_texte_localise($champ['help'], $langue) : '';
		$requis = !empty($champ['required']);
		if ($champ['type'] === 'checkbox') {
			$html[] = $c->case_($chemin, $libelle);
		} elseif ($champ['type'] === 'choice') {
			$options = ['' => '—'];
			foreach ($champ['options'] ?? [] as $option) {
				$options[(string) $option['value']] = guichet_texte_localise($option['label'], $langue);
			}
			$html[] = $c->choix($chemin, $libelle, $options, '', $aide, $requis);
		} else {
			$html[] = $c->texte($chemin, $libelle, [
				'type' => $champ['type'] === 'date' ? 'date' : 'text', 'aide' => $aide, 'required' => $requis,
				'maxlength' => $champ['type'] === 'text' ? (string) ($champ['maxLength'] ?? 2000) : null,
			]);
		}
	}
	return implode("\n", $html);
}

/**
 * One first and last name per ticket when the form asks for them. Without JavaScript the number of tickets is
 * known once posted: the first post shows these fields (with the reason), the next one fills them.
 */
function guichet_champs_participants(GuichetChamps $c, array $form, array $valeurs, $langue) {
	$lignes = [];
	foreach ($form['tickets']['types'] as $i => $type) {
		$quantite = $valeurs['tickets']['items'][$i]['quantity'] ?? '';
		$quantite = (is_string($quantite) && ctype_digit($quantite)) ? min((int) $quantite, (int) ($form['tickets']['maxPerOrder'] ?? 30)) : 0;
		for ($k = 0; $k < $quantite; $k++) {
			$billet = guichet_texte_localise($type['name'], $langue) . ' ' . ($k + 1);
			$lignes[] = '<fieldset class="guichet-participant"><legend>' . spip_htmlspecialchars($billet) . '</legend>'
				. $c->texte("tickets.attendees.$i.$k.firstName", _T('guichet:champ_prenom'), ['required' => true, 'autocomplete' => 'off'])
				. $c->texte("tickets.attendees.$i.$k.lastName", _T('guichet:champ_nom'), ['required' => true, 'autocomplete' => 'off'])
				. '</fieldset>';
		}
	}
	if ($lignes === []) {
		return '<p class="explication">' . _T('guichet:aide_participants') . '</p>';
	}
	return $c->groupe('tickets.attendees', _T('guichet:legende_participants'), implode("\n", $lignes));
}

/**
 * Above the form, what the visitor is paying for: the form's title and description and, for an event, its
 * date and place (the widget shows the same once it runs).
 */
function guichet_champs_entete(array $form, $langue) {
	$html = '<h2 class="guichet-titre">' . spip_htmlspecialchars(guichet_texte_localise($form['title'], $langue)) . '</h2>';
	if (!empty($form['description'])) {
		$html .= '<p class="guichet-description">' . spip_htmlspecialchars(guichet_texte_localise($form['description'], $langue)) . '</p>';
	}
	$evenement = $form['kind'] === 'tickets' ? ($form['tickets']['event'] ?? null) : null;
	if (is_array($evenement) && !empty($evenement['startsAt'])) {
		$quand = guichet_date_longue((string) $evenement['startsAt'], $langue);
		$ou = isset($evenement['location']) ? guichet_texte_localise($evenement['location'], $langue) : '';
		$html .= '<p class="guichet-evenement">' . spip_htmlspecialchars($quand . ($ou !== '' ? ' · ' . $ou : '')) . '</p>';
	}
	return '<div class="guichet-entete">' . $html . '</div>';
}

/** "2026-12-12T20:00:00+01:00" -> "samedi 12 décembre 2026 à 20:00" (the event's own local time). */
function guichet_date_longue($instant, $langue) {
	try {
		$date = new \DateTimeImmutable($instant);
	} catch (\Exception $e) {
		return $instant;
	}
	$noms = [
		'fr' => [
			['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
			['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
			'%1$s %2$d %3$s %4$d à %5$s',
		],
		'en' => [
			['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
			['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
			'%1$s %2$d %3$s %4$d at %5$s',
		],
	];
	[$jours, $mois, $format] = $noms[$langue === 'en' ? 'en' : 'fr'];
	return sprintf($format, $jours[(int) $date->format('w')], (int) $date->format('j'), $mois[(int) $date->format('n') - 1], (int) $date->format('Y'), $date->format('H:i'));
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
	/** @var array<string, true> errors shown next to a control */
	private $montrees = [];

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
		$this->montrees[$chemin] = true;
		if ($erreurDe !== null) {
			$this->montrees[$erreurDe] = true;
		}
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
		foreach (['inputmode', 'autocomplete', 'min', 'max', 'maxlength'] as $a) {
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

	public function choix($chemin, $libelle, array $options, $defaut, $aide = '', $requis = false) {
		[$bloc, $attributs, $enErreur] = $this->erreur($chemin, $aide);
		$choisi = $this->valeur($chemin) ?? $defaut;
		$html = '<div class="editer editer_' . str_replace('.', '_', $chemin) . ($enErreur ? ' erreur' : '') . '">'
			. '<label for="' . $this->id($chemin) . '">' . spip_htmlspecialchars($libelle) . '</label>' . $bloc
			. '<select name="' . self::nom($chemin) . '" id="' . $this->id($chemin) . '"' . ($requis ? ' required="required"' : '') . $attributs . '>';
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

	/** A fieldset around controls made elsewhere, carrying the error about the whole group. */
	public function groupe($chemin, $legende, $contenu) {
		[$bloc, $attributs, $enErreur] = $this->erreur($chemin, '');
		return '<fieldset class="editer editer_' . str_replace('.', '_', $chemin) . ($enErreur ? ' erreur' : '') . '"' . $attributs . '>'
			. '<legend>' . spip_htmlspecialchars($legende) . '</legend>' . $bloc . $contenu . '</fieldset>';
	}

	/** The errors no control has shown (a field this form does not offer), as a list; '' when there are none. */
	public function erreursRestantes() {
		$restantes = [];
		foreach ($this->erreurs as $cle => $message) {
			if (!isset($this->montrees[$cle]) && $cle !== 'message_erreur' && $cle !== 'message_ok' && strpos((string) $cle, '_') !== 0 && is_string($message)) {
				$restantes[] = '<li>' . $message . '</li>';
			}
		}
		return $restantes === [] ? '' : '<ul class="reponse_formulaire reponse_formulaire_erreur guichet-autres-erreurs">' . implode('', $restantes) . '</ul>';
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
