<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Pdf;

/**
 * The printed wording of cerfa 11580*05 (French only: the form is an administrative document), the same text
 * as src/receipts/pdf/cerfa-wording.ts. Kept apart from the layout so a new version of the form changes words
 * here, positions there.
 */
final class CerfaWording
{
    public const TEXT = [
        'title' => 'Reçu au titre des dons à certains organismes d\'intérêt général',
        'articles' => 'Articles 200, 238 bis et 978 du code général des impôts',
        'reference' => 'N° 11580*05',
        'number' => 'Numéro d\'ordre du reçu :',
        'replaces' => 'Ce reçu annule et remplace le reçu n°',
        'cancels' => 'Ce reçu annule le reçu n°',
        'beneficiary' => 'Bénéficiaire des versements',
        'beneficiaryName' => 'Nom ou dénomination :',
        'address' => 'Adresse :',
        'postalCode' => 'Code postal :',
        'city' => 'Commune :',
        'country' => 'Pays :',
        'object' => 'Objet :',
        'donor' => 'Donateur',
        'lastName' => 'Nom :',
        'firstNames' => 'Prénoms :',
        'companyName' => 'Raison sociale :',
        'siren' => 'SIREN :',
        'gift' => 'Dons et versements',
        'received' => 'Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d\'impôt, la somme de :',
        'euros' => 'euros',
        'inWords' => 'Somme en toutes lettres :',
        'paidOn' => 'Date du versement ou du don :',
        'period' => 'Période :',
        'certify' => 'Le bénéficiaire certifie sur l\'honneur que les dons et versements qu\'il reçoit ouvrent droit à la réduction d\'impôt prévue à l\'article :',
        'form' => 'Forme du don :',
        'nature' => 'Nature du don :',
        'method' => 'En cas de don en numéraire, mode de versement :',
        'signature' => 'Date et signature',
        'date' => 'Date :',
        'signatory' => 'Nom et qualité du signataire :',
    ];

    /** The beneficiary's status boxes, in the order of Domain BENEFICIARY_STATUSES. */
    public const STATUSES = [
        'general_interest' => 'Œuvre ou organisme d\'intérêt général',
        'public_utility' => 'Association ou fondation reconnue d\'utilité publique par décret (date du décret et du Journal officiel)',
        'food_aid_or_care' => 'Association fournissant gratuitement une aide alimentaire ou des soins médicaux à des personnes en difficulté ou favorisant leur logement',
        'cultural_or_festival' => 'Organisme dont la gestion est désintéressée ayant pour activité principale la présentation au public d\'œuvres dramatiques, lyriques, musicales, chorégraphiques, cinématographiques et de cirque, l\'organisation d\'expositions d\'art contemporain ou de festivals',
        'religious_alsace_moselle' => 'Association cultuelle ou de bienfaisance et établissement public des cultes reconnus d\'Alsace-Moselle',
        'research' => 'Établissement de recherche public ou privé, d\'intérêt général, à but non lucratif',
        'higher_education' => 'Établissement d\'enseignement supérieur ou d\'enseignement artistique public ou privé, d\'intérêt général, à but non lucratif',
        'corporate_foundation' => 'Fondation d\'entreprise',
        'other' => 'Autre organisme',
    ];

    /** The statuses whose box carries the issuer's statusDetail. */
    public const STATUS_WITH_DETAIL = ['public_utility', 'other'];

    public const CGI_ARTICLES = [
        '200' => '200 du CGI',
        '238 bis' => '238 bis du CGI',
        '978' => '978 du CGI',
    ];

    public const GIFT_FORMS = [
        'authentic_deed' => 'Acte authentique',
        'private_deed' => 'Acte sous seing privé',
        'manual_gift_declaration' => 'Déclaration de don manuel',
        'other' => 'Autres',
    ];

    public const GIFT_NATURES = [
        'cash_money' => 'Numéraire',
        'listed_shares' => 'Titres de sociétés cotés',
        'other' => 'Autres',
    ];

    public const PAYMENT_METHODS = [
        'cash' => 'Remise d\'espèces',
        'cheque' => 'Chèque',
        'transfer_debit_card' => 'Virement, prélèvement, carte bancaire',
    ];
}
