<?php
/**
 * Core pipelines: the widget's script and styles only where a Guichet modèle is on the page, and the
 * reconciliation and annual receipts tasks.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/**
 * insert_head runs on the squelette before the page body is known, so it adds a tiny loader that fetches
 * the bundle only when a <guichet-…> element exists: pages without a form download nothing.
 */
function guichet_insert_head($flux) {
	include_spip('inc/guichet_widgets');
	$script = guichet_widgets_fichier('guichet.js');
	if ($script) {
		// import() needs a URL: SPIP's relative paths ("local/…") would be read as a package name.
		$flux .= guichet_chargeur_widget(url_absolue($script));
	}
	return $flux;
}

function guichet_insert_head_css($flux) {
	// The no-JS form's few rules (readable error colours), for every visitor.
	$flux .= '<link rel="stylesheet" href="' . attribut_html(timestamp(find_in_path('css/guichet-formulaire.css'))) . '" />' . "\n";
	include_spip('inc/guichet_widgets');
	$css = guichet_widgets_fichier('guichet.css');
	if ($css) {
		$flux .= '<link rel="stylesheet" href="' . attribut_html($css) . '" media="(scripting: enabled)" />' . "\n";
	}
	return $flux;
}

/**
 * The loader: a module import triggered by the first Guichet element, nothing else. If the bundle cannot load,
 * the no-JS form simply stays: nothing to report to the visitor's console.
 */
function guichet_chargeur_widget($url) {
	return '<script type="module">'
		. 'if(document.querySelector("guichet-donation,guichet-membership,guichet-tickets")){import('
		. json_encode($url, JSON_UNESCAPED_SLASHES)
		. ').catch(function(){});}</script>' . "\n";
}

/** Every 10 minutes: expire unpaid orders (their seats return), ask providers about stuck ones. */
function guichet_taches_generales_cron($taches) {
	$taches['guichet_reconciliation'] = 600;
	// Daily: the previous year's annual receipts, from January on, until done (genie/guichet_recus.php).
	$taches['guichet_recus'] = 86400;
	return $taches;
}
