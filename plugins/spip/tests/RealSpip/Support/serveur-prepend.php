<?php
/**
 * Prepended to every hit of the test site's php -S (SiteSpipReel). SPIP's security screen (config/
 * ecran_securite.php) answers 429 to robots while the machine's load average is above 4, and headless Chromium
 * counts as one: on a busy test machine pages would fail at random. The test site never sheds load.
 */
define('_ECRAN_SECURITE_LOAD', 1000000);
