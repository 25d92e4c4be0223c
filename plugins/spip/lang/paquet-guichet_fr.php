<?php
// Description du plugin dans la liste des plugins (SVP).

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

$GLOBALS[$GLOBALS['idx_lang']] = [
	'guichet_nom' => 'Guichet',
	'guichet_slogan' => 'Dons, adhésions et billetterie, directement sur le compte de l’association',
	'guichet_description' => 'Formulaires de dons, d’adhésions et de billetterie à placer dans vos articles avec les modèles <code><donN></code>, <code><adhesionN></code>, <code><billetterieN></code> (ou <code><guichetN></code>). Les paiements arrivent sur le compte Stripe de l’association, sans commission de plateforme ; chèque, virement et espèces sont aussi possibles.',
];
