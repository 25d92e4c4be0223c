<?php
/**
 * The real-SPIP site of SiteSpipReel for other test runners (tests/spip, in TypeScript), one command per call:
 *   php site-reel.php demarrer            clone GUICHET_SPIP_ROOT, serve it, print its state as JSON
 *   php site-reel.php php '<etat JSON>'    run the PHP read on stdin inside the site, print its output
 *   php site-reel.php arreter '<etat JSON>' stop php -S and remove the clone
 */

require __DIR__ . '/SiteSpipReel.php';

$commande = $argv[1] ?? '';
if ($commande === 'demarrer') {
	$raison = SiteSpipReel::indisponible();
	if ($raison !== null) {
		fwrite(STDERR, "$raison\n");
		exit(2);
	}
	echo json_encode(SiteSpipReel::demarrer((string) getenv('GUICHET_SPIP_ROOT'), (string) getenv('GUICHET_SPIP_URL'))->etat()), "\n";
} elseif ($commande === 'php') {
	echo SiteSpipReel::depuis(json_decode($argv[2] ?? '{}', true))->php((string) stream_get_contents(STDIN));
} elseif ($commande === 'arreter') {
	SiteSpipReel::depuis(json_decode($argv[2] ?? '{}', true))->arreter();
} else {
	fwrite(STDERR, "usage: php site-reel.php demarrer | php <etat> | arreter <etat>\n");
	exit(64);
}
