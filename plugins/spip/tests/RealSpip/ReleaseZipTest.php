<?php
/**
 * Real SPIP: the release zip (bin/build-release.sh), unpacked into plugins/guichet as SVP would, works with no
 * repository around it: embedded adapter, embedded widget bundle, a form in an article. On a site of its own.
 */

final class ReleaseZipTest extends RealSpipTestCase {
	public function testTheZipInstalledInSpipServesFormsWithItsOwnAdapterAndWidgets(): void {
		self::site();
		if (trim((string) shell_exec('command -v zip')) === '' || trim((string) shell_exec('command -v unzip')) === '') {
			self::markTestSkipped('zip/unzip not installed');
		}
		$dossier = sys_get_temp_dir() . '/guichet-release-' . bin2hex(random_bytes(4));
		exec(escapeshellarg(GUICHET_PLUGIN_DIR . '/bin/build-release.sh') . ' ' . escapeshellarg($dossier) . ' 2>/dev/null', $lignes, $code);
		self::assertSame(0, $code);
		$site = SiteSpipReel::demarrer((string) getenv('GUICHET_SPIP_ROOT'), '', (string) end($lignes));
		try {
			self::assertFalse(is_link($site->racine . '/plugins/guichet'), 'a real folder, not this checkout');
			self::assertSame($site->racine . '/plugins/guichet/lib/guichet-adapter', realpath($site->php('echo realpath(_GUICHET_ADAPTER_DIR);')) ?: '');

			$config = json_decode((string) file_get_contents(GUICHET_REPO_DIR . '/docs/examples/protocol/form-config.membership.json'), true);
			unset($config['id'], $config['kind']);
			$config['payment'] = ['providers' => ['simulation']];
			$id = (int) $site->php('echo sql_insertq("spip_guichet_formulaires", ' . var_export(['titre' => 'Adhésion', 'genre' => 'membership', 'statut' => 'publie', 'config' => json_encode($config)], true) . ');');
			$article = (int) $site->php('include_spip("action/editer_objet"); $s = $GLOBALS["visiteur_session"];
				$r = objet_inserer("rubrique", 0, ["titre" => "Adhérer"]); $GLOBALS["visiteur_session"] = $s; objet_instituer("rubrique", $r, ["statut" => "publie"]);
				$GLOBALS["visiteur_session"] = $s; $a = objet_inserer("article", $r, ["titre" => "Adhérer", "texte" => "<adhesion' . $id . '>"]);
				$GLOBALS["visiteur_session"] = $s; objet_instituer("article", $a, ["statut" => "publie"]); echo $a;');
			$page = (new Navigateur($site->url))->get("/spip.php?page=article&id_article=$article");
			self::assertSame([(string) $id], Navigateur::textes($page['corps'], '//guichet-membership/@form'));
			self::assertCount(1, Navigateur::textes($page['corps'], "//guichet-membership//input[@name='payer[email]']"));
			if (is_file(GUICHET_REPO_DIR . '/shared-widgets/dist/guichet.js')) {
				self::assertStringContainsString('import("' . $site->url . '/plugins/guichet/lib/guichet-widgets/guichet.js?', $page['corps'], 'the zip\'s own bundle');
				self::assertSame(200, (new Navigateur($site->url))->requete('GET', '/plugins/guichet/lib/guichet-widgets/guichet.js')['statut']);
			}
			self::assertSame([], $site->erreursDuPlugin());
		} finally {
			$site->arreter();
			exec('rm -rf ' . escapeshellarg($dossier));
		}
	}
}
