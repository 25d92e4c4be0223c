<?php
/**
 * Loaded on every hit: only says where the shared PHP adapter is. Release zips carry it in lib/guichet-adapter;
 * in a checkout of the repository it is found beside the plugin. A site may define _GUICHET_ADAPTER_DIR in
 * config/mes_options.php to use another copy.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

if (!defined('_GUICHET_ADAPTER_DIR')) {
	define(
		'_GUICHET_ADAPTER_DIR',
		is_file(__DIR__ . '/lib/guichet-adapter/autoload.php')
			? __DIR__ . '/lib/guichet-adapter'
			: dirname(__DIR__, 2) . '/backend-adapter/php'
	);
}
