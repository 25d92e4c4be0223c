<?php
/** Real SPIP: what an editor types in an article, as a visitor's browser receives the public page. */

final class ModelePublicTest extends RealSpipTestCase {
	public function testTheModeleShowsTheWidgetElementWithTheNoJsFormInside(): void {
		$site = self::site();
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation', 'offline'], 'offlineMethods' => ['cheque']]]);
		$article = self::article("Merci de nous soutenir.\n\n<don$don>\n\nÀ bientôt au jardin.");
		$page = self::visiteur()->get("/spip.php?page=article&id_article=$article");

		self::assertSame(200, $page['statut']);
		self::assertSame([$site->url . '/spip.php?action=guichet_api&route='], Navigateur::textes($page['corps'], '//guichet-donation/@base'));
		self::assertSame([(string) $don], Navigateur::textes($page['corps'], '//guichet-donation/@form'));
		self::assertSame(['fr'], Navigateur::textes($page['corps'], '//guichet-donation/@lang'));
		self::assertCount(1, Navigateur::textes($page['corps'], '//guichet-donation//form'), 'the no-JS form is inside the element');
		[, $champs] = Navigateur::formulaire($page['corps'], 'guichet_paiement');
		foreach (['donation[amount]', 'donation[frequency]', 'payer[email]', 'payer[firstName]', 'payer[lastName]', 'jeton', 'formulaire_action_args'] as $nom) {
			self::assertArrayHasKey($nom, $champs);
		}
		$moyens = Navigateur::textes($page['corps'], "//guichet-donation//input[@name='payment[method]']/following-sibling::label");
		self::assertSame(['Carte de test (simulation)', 'Chèque'], $moyens);
		foreach (Navigateur::textes($page['corps'], "//guichet-donation//input[@type!='hidden']/@id") as $id) {
			self::assertCount(1, Navigateur::textes($page['corps'], "//label[@for='$id']"), "field $id has its label");
		}
		self::assertStringContainsString('À bientôt au jardin.', $page['corps'], 'the rest of the article is intact');
		self::assertSame([], $site->erreursDuPlugin());
	}

	public function testEachVisitorGetsAFreshFormFromTheCachedPage(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		$article = self::article("<don$don>");
		$jetons = [];
		foreach ([1, 2, 3] as $visite) {
			[, $champs] = Navigateur::formulaire(self::visiteur()->get("/spip.php?page=article&id_article=$article")['corps'], 'guichet_paiement');
			$jetons[] = $champs['jeton'];
		}
		self::assertCount(3, array_unique($jetons), 'SPIP caches the page but the form is computed at each visit');
	}

	public function testEachKindHasItsShortcutAndAWrongOrUnpublishedOnePrintsNothing(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		$adhesion = self::formulaire('form-config.membership', ['payment' => ['providers' => ['simulation']]]);
		$concert = self::formulaire('form-config.tickets', ['payment' => ['providers' => ['simulation']]]);
		$brouillon = self::formulaire('form-config.donation', [], 'prepa');
		$article = self::article("<adhesion$adhesion>\n\n<billetterie$concert>\n\n<guichet$don>\n\n<billetterie$don>\n\n<don$brouillon>\n\n<don99999>");
		$html = self::visiteur()->get("/spip.php?page=article&id_article=$article")['corps'];

		self::assertSame([(string) $adhesion], Navigateur::textes($html, '//guichet-membership/@form'));
		self::assertSame([(string) $concert], Navigateur::textes($html, '//guichet-tickets/@form'));
		self::assertSame([(string) $don], Navigateur::textes($html, '//guichet-donation/@form'), '<guichetN> serves any kind; <billetterieN> of a donation form, a draft and a missing form print nothing');
		self::assertCount(3, Navigateur::textes($html, "//form[.//input[@name='formulaire_action'][@value='guichet_paiement']]"));
	}

	public function testAnEnglishArticleGetsTheFormInEnglish(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		$article = self::article("<don$don>", 'en');
		$html = self::visiteur()->get("/spip.php?page=article&id_article=$article")['corps'];
		self::assertSame(['en'], Navigateur::textes($html, '//guichet-donation/@lang'));
		self::assertContains('Email address', Navigateur::textes($html, '//guichet-donation//label'));
	}

	public function testTheWidgetIsLoadedOnlyFromPagesThatHaveAForm(): void {
		$site = self::site();
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		$html = self::visiteur()->get('/spip.php?page=article&id_article=' . self::article("<don$don>"))['corps'];
		if (!preg_match('#import\("([^"]+/guichet\.js\?\d+)"\)#', $html, $m)) {
			self::markTestSkipped('no widget bundle built (node shared-widgets/build.mjs): the forms work without JavaScript');
		}
		self::assertStringStartsWith($site->url . '/', $m[1], 'an absolute URL: import() reads a relative path as a package name');
		self::assertStringContainsString('document.querySelector("guichet-donation,guichet-membership,guichet-tickets")', $html);
		$script = self::visiteur()->requete('GET', $m[1]);
		self::assertSame(200, $script['statut']);
		self::assertStringContainsString('javascript', $script['entetes']['content-type'] ?? '');
		preg_match('#href="([^"]+/guichet\.css\?\d+)" media="\(scripting: enabled\)"#', $html, $css);
		self::assertNotEmpty($css, 'the styles apply only when scripts run (the no-JS form keeps the site\'s own)');
	}
}
