/**
 * Job offers: the offer as France Travail publishes it ({@link fr.opus.offers.api.OfferContent}, France Travail's
 * JSON names) plus Opus's own fields ({@link fr.opus.offers.api.Offer}); the feed of offer events from France
 * Travail's information system; search compatible with "Offres d'emploi v2"; the offer document.
 *
 * <p>1.1: the employer's SIRET on {@link fr.opus.offers.api.Offer} ({@link fr.opus.offers.api.Siret} checks it) and
 * {@link fr.opus.offers.api.OfferCatalog#findBySiret}.
 */
@Version("1.1.0")
package fr.opus.offers.api;

import org.osgi.annotation.versioning.Version;
