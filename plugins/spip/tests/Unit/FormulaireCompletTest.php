<?php
/**
 * The no-JS form asks everything the order needs, like the widget: what is being paid for, the editor's own
 * questions, each attendee's name; an error about anything it does not show is still listed.
 */

final class FormulaireCompletTest extends SiteSpipTestCase {
	private const PAYEUR = ['email' => 'sofiane@example.fr', 'firstName' => 'Sofiane', 'lastName' => 'Benali'];

	protected function setUp(): void {
		parent::setUp();
		include_spip('formulaires/guichet_paiement');
	}

	private function poster(array $valeurs): void {
		set_request('formulaire_action', 'guichet_paiement');
		foreach ($valeurs as $cle => $valeur) {
			set_request($cle, $valeur);
		}
	}

	/** The tickets example, simulation only, with changes to its `tickets` part. */
	private function concert(array $billets = []): string {
		$config = self::exemple('form-config.tickets');
		return $this->publier('form-config.tickets', ['payment' => ['providers' => ['simulation']], 'tickets' => array_replace($config['tickets'], $billets)]);
	}

	public function testTheFormSaysWhatIsPaidForAndWhenTheEventIs(): void {
		$html = recuperer_fond('modeles/billetterie', ['id' => $this->concert()]);
		self::assertStringContainsString('<h2 class="guichet-titre">Concert de Noël au jardin</h2>', $html);
		self::assertStringContainsString('samedi 12 décembre 2026 à 20:00 · Salle des fêtes, 3 place Jean-Jaurès, 93100 Montreuil', $html);
		$GLOBALS['spip_lang'] = 'en';
		self::assertStringContainsString('Saturday 12 December 2026 at 20:00 · Village hall', recuperer_fond('modeles/billetterie', ['id' => $this->concert()]));
	}

	public function testAttendeeNamesAreAskedOnceTheTicketsAreChosenThenSent(): void {
		$id = $this->concert(['attendeeNames' => true]);
		self::assertStringContainsString('Le prénom et le nom de chaque participant vous seront demandés à l’étape suivante.', recuperer_fond('modeles/billetterie', ['id' => $id]));

		$this->poster(['tickets' => ['items' => [['quantity' => '2'], ['quantity' => '1']]], 'payer' => self::PAYEUR, 'payment' => ['method' => 'simulation']]);
		$html = recuperer_fond('modeles/billetterie', ['id' => $id]);
		self::assertSame(['tickets.attendees'], array_keys(array_diff_key(end($GLOBALS['standin']['cvt']['guichet_paiement'])['erreurs'], ['message_erreur' => 1])));
		self::assertMatchesRegularExpression('#<fieldset class="editer editer_tickets_attendees erreur"[^>]*aria-invalid="true"><legend>Participants</legend>#', $html);
		foreach (['Plein tarif 1', 'Plein tarif 2', 'Tarif réduit 1'] as $billet) {
			self::assertStringContainsString('<legend>' . $billet . '</legend>', $html);
		}
		self::assertStringContainsString('name="tickets[attendees][1][0][lastName]"', $html);

		// Names typed, one forgotten: the error is next to that name, then all are given.
		$this->poster(['tickets' => ['items' => [['quantity' => '2'], ['quantity' => '1']], 'attendees' => [
			[['firstName' => 'Sofiane', 'lastName' => 'Benali'], ['firstName' => 'Nora', 'lastName' => '']],
			[['firstName' => 'Lina', 'lastName' => 'Benali']],
		]], 'payer' => self::PAYEUR, 'payment' => ['method' => 'simulation']]);
		$html = recuperer_fond('modeles/billetterie', ['id' => $id]);
		self::assertMatchesRegularExpression('#name="tickets\[attendees\]\[0\]\[1\]\[lastName\]"[^>]*aria-invalid="true"#', $html);
		self::assertStringContainsString('value="Nora"', $html, 'what was typed stays');

		set_request('tickets', ['items' => [['quantity' => '2'], ['quantity' => '1']], 'attendees' => [
			[['firstName' => 'Sofiane', 'lastName' => 'Benali'], ['firstName' => 'Nora', 'lastName' => 'Benali']],
			[['firstName' => 'Lina', 'lastName' => 'Benali']],
		]]);
		self::assertSame([], formulaires_guichet_paiement_verifier_dist($id));
		formulaires_guichet_paiement_traiter_dist($id);
		$commande = json_decode((string) sql_getfetsel('donnees', 'spip_guichet_commandes'), true);
		self::assertSame(['Sofiane', 'Nora', 'Lina'], array_column($commande['request']['tickets']['attendees'], 'firstName'));
		self::assertSame(['plein', 'plein', 'reduit'], array_column($commande['request']['tickets']['attendees'], 'typeId'));
	}

	public function testTheEditorsOwnQuestionsAreAskedAndARequiredOneIsSaidNextToIt(): void {
		$config = self::exemple('form-config.membership');
		$config['membership']['fields'][0]['required'] = true; // "Je souhaite cultiver une parcelle"
		$config['membership']['fields'][] = ['id' => 'arrivee', 'type' => 'date', 'label' => ['fr' => 'Arrivée au quartier', 'en' => 'Moved in on'], 'required' => false];
		$id = $this->publier('form-config.membership', ['payment' => ['providers' => ['simulation']], 'membership' => $config['membership']]);
		$html = recuperer_fond('modeles/adhesion', ['id' => $id]);
		self::assertStringContainsString('Je souhaite cultiver une parcelle</label>', $html);
		self::assertMatchesRegularExpression('#<select name="membership\[fields\]\[competences\]"[^>]*>\s*<option value="" selected="selected">—</option><option value="arrosage">L\'arrosage en été</option>#', $html);
		self::assertStringContainsString('type="date" class="text" name="membership[fields][arrivee]"', $html);

		$this->poster(['membership' => ['tierId' => 'individuelle', 'fields' => ['parcelle' => '', 'competences' => 'ateliers']], 'payer' => self::PAYEUR + ['address' => ['line1' => '1 rue Haute', 'postalCode' => '93100', 'city' => 'Montreuil']], 'payment' => ['method' => 'simulation']]);
		self::assertSame(['membership.fields.parcelle'], array_keys(array_diff_key(formulaires_guichet_paiement_verifier_dist($id), ['message_erreur' => 1])));
		$html = recuperer_fond('modeles/adhesion', ['id' => $id]);
		self::assertMatchesRegularExpression('#name="membership\[fields\]\[parcelle\]"[^>]*aria-invalid="true"#', $html);
		self::assertMatchesRegularExpression('#<option value="ateliers" selected="selected">#', $html);

		set_request('membership', ['tierId' => 'individuelle', 'fields' => ['parcelle' => '1', 'competences' => 'ateliers', 'arrivee' => '2024-03-01']]);
		self::assertSame([], formulaires_guichet_paiement_verifier_dist($id));
		formulaires_guichet_paiement_traiter_dist($id);
		$commande = json_decode((string) sql_getfetsel('donnees', 'spip_guichet_commandes'), true);
		self::assertSame(['parcelle' => true, 'competences' => 'ateliers', 'arrivee' => '2024-03-01'], $commande['request']['membership']['members'][0]['fields']);
	}

	public function testAnErrorAboutAFieldTheFormDoesNotShowIsStillListed(): void {
		include_spip('inc/guichet_champs');
		$form = guichet_site()->forms->findForm($this->formulaires['donation']);
		$html = guichet_champs_html($form, ['erreurs' => ['donation.dedication' => 'Dédicace trop longue.', 'payer.email' => 'E-mail invalide.']], [], 'fr');
		self::assertStringContainsString('<ul class="reponse_formulaire reponse_formulaire_erreur guichet-autres-erreurs"><li>Dédicace trop longue.</li></ul>', $html);
		self::assertSame(1, substr_count($html, 'E-mail invalide.'), 'an error shown by its field is not listed again');
	}
}
