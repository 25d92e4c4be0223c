<?php
/**
 * Public: a receipt's PDF from the signed link of the donor's email (spip.php?action=guichet_recu&id=…&token=…).
 * No login: the token (HMAC of the receipt id with the site's secret) is the permission. A wrong or missing
 * token answers 404, as an unknown receipt does, so a link reveals nothing it was not signed for.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function action_guichet_recu_dist() {
	include_spip('inc/guichet_site');
	$id = (string) _request('id');
	$jeton = (string) _request('token');
	$pdf = null;
	if (preg_match('/^rcp_[0-9a-f]{24}$/', $id) && preg_match('/^[0-9a-f]{64}$/', $jeton)) {
		$pdf = guichet_recus()->pdfForLink($id, $jeton);
	}
	if (!headers_sent()) {
		header('Cache-Control: no-store');
		header('X-Robots-Tag: noindex');
	}
	if ($pdf === null) {
		http_response_code(404);
		if (!headers_sent()) {
			header('Content-Type: text/plain; charset=utf-8');
		}
		echo _T('guichet:recu_lien_invalide');
		return;
	}
	guichet_envoyer_pdf($pdf['fileName'], $pdf['bytes']);
}

/** Sends a file as an attachment that no cache keeps (a receipt names the donor and their address). */
function guichet_envoyer_pdf($nom, $octets, $type = 'application/pdf') {
	if (!headers_sent()) {
		header('Content-Type: ' . $type);
		header('Content-Disposition: attachment; filename="' . preg_replace('/[^A-Za-z0-9._-]/', '_', (string) $nom) . '"');
		header('Content-Length: ' . strlen((string) $octets));
		header('Cache-Control: private, no-store');
	}
	echo $octets;
}
