/**
 * Job offers: the offer as France Travail publishes it ({@link fr.opus.offers.api.OfferContent}, France Travail's
 * JSON names) plus Opus's own fields ({@link fr.opus.offers.api.Offer}); the feed of offer events from France
 * Travail's information system; search compatible with "Offres d'emploi v2"; the offer document.
 */
@Version("1.0.0")
package fr.opus.offers.api;

import org.osgi.annotation.versioning.Version;
