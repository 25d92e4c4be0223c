<?php
/** The modèles editors type in articles: the custom element with the CVT form inside. */

final class ModeleTest extends SiteSpipTestCase {
	public function testDonPrintsTheDonationElementWithTheNoJsFormInside(): void {
		$id = $this->formulaires['donation'];
		$html = recuperer_fond('modeles/don', ['id' => $id]);
		self::assertStringContainsString('<guichet-donation base="https://asso.example/spip.php?action=guichet_api&amp;route=" form="' . $id . '" lang="fr">', $html);
		self::assertStringContainsString('</guichet-donation>', $html);
		self::assertMatchesRegularExpression('#<guichet-donation[^>]*>\s*<div><div class="formulaire_spip formulaire_guichet_paiement">.*<form method="post"#s', $html);
		foreach (['donation[amount]', 'donation[frequency]', 'payer[email]', 'payer[firstName]', 'payment[method]'] as $nom) {
			self::assertStringContainsString('name="' . $nom . '"', $html);
		}
		self::assertStringContainsString('<label for="guichet-' . $id . '-', $html);
		self::assertStringContainsString('Continuer vers le paiement', $html);
		self::assertSame([], $GLOBALS['standin']['manquantes'], 'every string exists in the language file');
	}

	public function testEachKindHasItsModeleAndTheGenericOneServesThemAll(): void {
		self::assertStringContainsString('<guichet-membership ', recuperer_fond('modeles/adhesion', ['id' => $this->formulaires['membership']]));
		self::assertStringContainsString('<guichet-tickets ', recuperer_fond('modeles/billetterie', ['id' => $this->formulaires['tickets']]));
		self::assertStringContainsString('<guichet-tickets ', recuperer_fond('modeles/guichet', ['id' => $this->formulaires['tickets']]));
		self::assertStringContainsString('name="tickets[items][0][quantity]"', recuperer_fond('modeles/guichet', ['id' => $this->formulaires['tickets']]));
	}

	public function testAWrongKindADraftOrAMissingFormPrintsNothing(): void {
		self::assertSame('', trim(recuperer_fond('modeles/billetterie', ['id' => $this->formulaires['donation']])));
		$brouillon = $this->publier('form-config.donation', [], 'prepa');
		self::assertSame('', trim(recuperer_fond('modeles/don', ['id' => $brouillon])));
		self::assertSame('', trim(recuperer_fond('modeles/guichet', ['id' => '404'])));
	}

	public function testAnEnglishArticleGetsEnglishLabels(): void {
		$GLOBALS['spip_lang'] = 'en';
		$html = recuperer_fond('modeles/don', ['id' => $this->formulaires['donation']]);
		self::assertStringContainsString('lang="en"', $html);
		self::assertStringContainsString('Continue to payment', $html);
		self::assertStringContainsString('Email address', $html);
	}

	public function testTheHeadLoadsTheWidgetOnlyWhenAFormIsOnThePage(): void {
		include_spip('guichet_pipelines');
		$chargeur = guichet_chargeur_widget('plugins/guichet/lib/guichet-widgets/guichet.js?1');
		self::assertStringContainsString('document.querySelector("guichet-donation,guichet-membership,guichet-tickets")', $chargeur);
		self::assertStringContainsString('import("plugins/guichet/lib/guichet-widgets/guichet.js?1")', $chargeur);
		self::assertStringStartsWith('<script type="module">', $chargeur);
	}

	public function testInACheckoutTheBuiltBundleIsServedFromLocalAndFollowsRebuilds(): void {
		// A checkout: no lib/guichet-widgets, a bundle built beside the plugin (here a small stand-in of it).
		$dist = sys_get_temp_dir() . '/guichet-dist-' . bin2hex(random_bytes(4));
		mkdir($dist . '/chunks', 0777, true);
		file_put_contents($dist . '/guichet.js', 'import("./chunks/don-1.js");');
		file_put_contents($dist . '/guichet.css', '.g-root{}');
		file_put_contents($dist . '/chunks/don-1.js', 'export {};');
		file_put_contents($dist . '/guichet.js.map', '{}');
		define('_GUICHET_WIDGETS_DIR', $dist);
		include_spip('guichet_pipelines');

		$tete = guichet_insert_head('') . guichet_insert_head_css('');
		self::assertStringContainsString('import("' . url_absolue(_DIR_VAR) . 'cache-guichet/widgets/guichet.js?', $tete, 'a URL, not a bare module name');
		self::assertStringContainsString('href="' . _DIR_VAR . 'cache-guichet/widgets/guichet.css?', $tete);
		self::assertFileExists(_DIR_VAR . 'cache-guichet/widgets/chunks/don-1.js', 'chunks keep their place beside the module');
		self::assertFileDoesNotExist(_DIR_VAR . 'cache-guichet/widgets/guichet.js.map');

		// Rebuilt with other chunk names: the copy follows, the old chunk goes.
		unlink($dist . '/chunks/don-1.js');
		file_put_contents($dist . '/chunks/don-2.js', 'export {};');
		file_put_contents($dist . '/guichet.js', 'import("./chunks/don-2.js");');
		touch($dist . '/guichet.js', time() + 5);
		clearstatcache();
		guichet_insert_head('');
		self::assertFileExists(_DIR_VAR . 'cache-guichet/widgets/chunks/don-2.js');
		self::assertFileDoesNotExist(_DIR_VAR . 'cache-guichet/widgets/chunks/don-1.js');
		self::assertStringContainsString('don-2', (string) file_get_contents(_DIR_VAR . 'cache-guichet/widgets/guichet.js'));
		exec('rm -rf ' . escapeshellarg($dist));
	}
}
