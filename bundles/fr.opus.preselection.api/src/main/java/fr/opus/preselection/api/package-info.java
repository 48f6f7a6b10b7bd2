/**
 * Preselection, the first optional module of Opus (DOMAIN §5). On an offer France Travail preselects, the
 * correspondent sets what its level requires (prerequisites for a <i>vérification</i>, weighted criteria for a
 * <i>valorisation</i>, assessment tools for an <i>évaluation</i>); counsellors whose convention includes the
 * {@value fr.opus.preselection.api.Preselections#SERVICE} service propose candidates with what the level asks; the
 * correspondent reviews and transmits them (the mise en relation of the contacts capability); the employer's
 * feedback is recorded per candidate and goes into the job seeker's file; the employer's commitments and the
 * preselection indicators follow from them. Every method takes the {@link fr.opus.platform.api.security.Caller} it
 * acts for.
 */
@Export
@Version("1.0.0")
package fr.opus.preselection.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
