<?php
/**
 * Where the widget bundle (guichet.js, guichet.css and their chunks) is served from. A release zip carries it in
 * lib/guichet-widgets/. In a checkout of the repository the plugin is often a symbolic link into the site, and
 * the bundle built by `node shared-widgets/build.mjs` lies outside the web root: it is copied into the site's
 * local/ folder (SPIP's folder for files it makes and serves), and copied again whenever it is rebuilt.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/** The bundle's folder in a checkout (beside the plugin, or _GUICHET_WIDGETS_DIR), or '' when there is none. */
function guichet_widgets_source() {
	$dist = defined('_GUICHET_WIDGETS_DIR') ? rtrim(_GUICHET_WIDGETS_DIR, '/') : dirname(__DIR__, 3) . '/shared-widgets/dist';
	return is_file($dist . '/guichet.js') ? $dist : '';
}

/**
 * The path (relative, usable as a URL as find_in_path's are) of a bundle file, 'guichet.js' or 'guichet.css',
 * with SPIP's ?timestamp; '' when no bundle exists (the forms then work without JavaScript).
 */
function guichet_widgets_fichier($fichier) {
	$chemin = find_in_path('lib/guichet-widgets/' . $fichier);
	if (!$chemin && ($source = guichet_widgets_source()) !== '') {
		$copie = guichet_widgets_copie($source);
		$chemin = ($copie !== '' && is_file($copie . $fichier)) ? $copie . $fichier : '';
	}
	return $chemin ? timestamp($chemin) : '';
}

/**
 * Copies a checkout's bundle to local/cache-guichet/widgets/ when the copy is missing or older than the build,
 * and returns that folder ('' if it cannot be written). Chunks keep their relative place, so the module's own
 * imports (./chunks/…) resolve.
 */
function guichet_widgets_copie($source) {
	$dossier = sous_repertoire(_DIR_VAR, 'cache-guichet');
	$dossier = $dossier ? sous_repertoire($dossier, 'widgets') : '';
	if (!$dossier) {
		return '';
	}
	$construit = (string) @filemtime($source . '/guichet.js');
	$marque = $dossier . 'build.txt';
	if (is_file($marque) && trim((string) file_get_contents($marque)) === $construit) {
		return $dossier;
	}
	foreach (glob($dossier . 'chunks/*') ?: [] as $ancien) {
		@unlink($ancien);
	}
	$fichiers = array_merge(
		glob($source . '/guichet.{js,css}', GLOB_BRACE) ?: [],
		glob($source . '/chunks/*.{js,css}', GLOB_BRACE) ?: []
	);
	foreach ($fichiers as $fichier) {
		$cible = $dossier . substr($fichier, strlen($source) + 1);
		if (!is_dir(dirname($cible))) {
			@mkdir(dirname($cible), _SPIP_CHMOD, true);
		}
		if (!@copy($fichier, $cible)) {
			spip_log('widget bundle: cannot copy ' . basename($fichier) . ' to ' . $dossier, 'guichet' . _LOG_ERREUR);
			return '';
		}
	}
	file_put_contents($marque, $construit);
	return $dossier;
}
