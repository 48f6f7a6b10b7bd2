/**
 * The employer entry (DOMAIN §3: "a company/employer entry to share information on employers between France Travail
 * and partners"): an establishment known by its SIRET, with its name, NAF code and address, its contacts, the notes
 * France Travail and partners share about it, its offers and the acts done on them. Every method takes the
 * {@link fr.opus.platform.api.security.Caller} it acts for; what a partner sees follows the diffusion of the
 * employer's offers, and an employer it may not see answers 404, as if it did not exist.
 */
@Export
@Version("1.0.0")
package fr.opus.employers.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
