<?php
/**
 * Bootstrap of the storage contract run INSIDE a real SPIP (not the stand-in): GUICHET_SPIP_SITE names the
 * site's folder (a clone made by SiteSpipReel, with this plugin active). Started by StockageTest.
 */

/**
 * PHP code silencing the deprecations SPIP 4.1's own files raise under PHP 8.2 (some at compile time, before
 * SPIP sets its error level), and only those: the plugin's and the adapter's still show.
 */
function guichet_contrat_sans_deprecations_de_spip() {
	return 'set_error_handler(static function ($n, $m, $f) { return strpos($f, ' . var_export(realpath(dirname(__DIR__, 4)), true)
		. ') !== 0; }, E_DEPRECATED | E_USER_DEPRECATED);';
}
eval(guichet_contrat_sans_deprecations_de_spip());
define('GUICHET_SPIP_SITE', (string) getenv('GUICHET_SPIP_SITE'));
if (!is_file(GUICHET_SPIP_SITE . '/config/connect.php')) {
	fwrite(STDERR, "GUICHET_SPIP_SITE must name an installed SPIP site\n");
	exit(1);
}
chdir(GUICHET_SPIP_SITE);
require GUICHET_SPIP_SITE . '/ecrire/inc_version.php';
include_spip('base/abstract_sql');
include_spip('inc/guichet_stockage');
require_once dirname(__DIR__, 5) . '/backend-adapter/php/tests/Storage/StorageContractTestCase.php';
