<?php
/**
 * The tax receipts' settings (Ports\ReceiptSettings) from SPIP's metas: what the treasurer filled in on the
 * configuration page (meta `guichet_recus`, flat fields as the form posts them), the association's name from
 * the main configuration, the signature image from a document of the site, and the links' secret (meta
 * `guichet_secret_recus`, generated once, never shown).
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_adaptateur');
include_spip('inc/config');
guichet_charger_adaptateur();

/** Form field => path in ReceiptIssuer (docs/receipts.md). The name comes from the main configuration. */
function guichet_recus_champs() {
	return [
		'adresse_ligne1' => 'address.line1',
		'adresse_ligne2' => 'address.line2',
		'code_postal' => 'address.postalCode',
		'ville' => 'address.city',
		'pays' => 'address.country',
		'objet' => 'object',
		'statut' => 'status',
		'statut_detail' => 'statusDetail',
		'prefixe' => 'prefix',
		'signataire_nom' => 'signatory.name',
		'signataire_qualite' => 'signatory.role',
		'signature_document' => 'signatureImage',
	];
}

/** The cerfa's status boxes, in its order (BENEFICIARY_STATUSES of the shared types). */
function guichet_recus_statuts() {
	return ['general_interest', 'public_utility', 'food_aid_or_care', 'cultural_or_festival', 'religious_alsace_moselle',
		'research', 'higher_education', 'corporate_foundation', 'other'];
}

/**
 * The issuer as ReceiptIssuer, from flat values (the saved meta, or what the form posts), without checking it.
 * @param array<string, string> $valeurs
 * @return array{0: array<string, mixed>, 1: string|null} the issuer, and an error code about the signature image
 */
function guichet_recus_emetteur(array $valeurs) {
	$v = static function ($cle) use ($valeurs) {
		return trim((string) ($valeurs[$cle] ?? ''));
	};
	$emetteur = [
		'name' => trim((string) lire_config('guichet/organisation/nom', '')),
		'address' => ['line1' => $v('adresse_ligne1'), 'postalCode' => $v('code_postal'), 'city' => $v('ville'), 'country' => strtoupper($v('pays') ?: 'FR')],
		'object' => $v('objet'),
		'status' => $v('statut'),
		'signatory' => ['name' => $v('signataire_nom'), 'role' => $v('signataire_qualite')],
	];
	if ($v('adresse_ligne2') !== '') {
		$emetteur['address']['line2'] = $v('adresse_ligne2');
	}
	if ($v('statut_detail') !== '') {
		$emetteur['statusDetail'] = $v('statut_detail');
	}
	if ($v('prefixe') !== '') {
		$emetteur['prefix'] = strtoupper($v('prefixe'));
	}
	$erreurImage = null;
	if ($v('signature_document') !== '') {
		$image = guichet_recus_image_document($v('signature_document'));
		if ($image === null) {
			$erreurImage = 'document_introuvable';
		} else {
			$emetteur['signatureImage'] = $image;
		}
	}
	return [$emetteur, $erreurImage];
}

/** A JPEG or PNG document of the site's media library as SignatureImage, or null. */
function guichet_recus_image_document($id_document) {
	if (!preg_match('/^[1-9][0-9]{0,17}$/', (string) $id_document)) {
		return null;
	}
	$fichier = sql_getfetsel('fichier', 'spip_documents', 'id_document = ' . (int) $id_document);
	if (!is_string($fichier) || $fichier === '') {
		return null;
	}
	include_spip('inc/documents');
	$chemin = function_exists('get_spip_doc') ? get_spip_doc($fichier) : _DIR_IMG . $fichier;
	$octets = is_string($chemin) && is_file($chemin) ? (string) file_get_contents($chemin) : '';
	if (strncmp($octets, "\xFF\xD8\xFF", 3) === 0) {
		$type = 'image/jpeg';
	} elseif (strncmp($octets, "\x89PNG\r\n\x1A\n", 8) === 0) {
		$type = 'image/png';
	} else {
		return null;
	}
	return ['type' => $type, 'data' => base64_encode($octets)];
}

class GuichetReglagesRecusSpip implements \Guichet\Adapter\Ports\ReceiptSettings {
	public function receiptIssuer(): ?array {
		$valeurs = lire_config('guichet_recus', []);
		if (!is_array($valeurs) || $valeurs === []) {
			return null;
		}
		[$emetteur, $erreurImage] = guichet_recus_emetteur($valeurs);
		// Saved settings were checked when saved; a name emptied since, or a deleted signature, stops issuing.
		if ($erreurImage !== null || \Guichet\Adapter\Domain\Receipts\ReceiptDocuments::validateIssuer($emetteur) !== []) {
			return null;
		}
		return $emetteur;
	}

	public function receiptLinkSecret(): string {
		$secret = (string) lire_config('guichet_secret_recus', '');
		if ($secret === '') {
			include_spip('guichet_administrations');
			guichet_secret_recus();
			$secret = (string) lire_config('guichet_secret_recus', '');
		}
		return $secret;
	}

	public function receiptUrl(string $receiptId, string $token): string {
		// A public action: the donor follows it from an email, without an account.
		return url_absolue(generer_url_action('guichet_recu', 'id=' . rawurlencode($receiptId) . '&token=' . rawurlencode($token), true, true));
	}
}
