/**
 * Putting candidates in contact with employers: the job seekers a partner acts for, and each act done for them on an
 * offer (a {@link fr.opus.contacts.api.Referral}: mise en contact, mise en relation, convocation) with its state
 * machine and full history. Every method takes the {@link fr.opus.platform.api.security.Caller} it acts for; a
 * partner's people only ever see their partner's job seekers (another partner's answer 404).
 */
@Export
@Version("1.0.0")
package fr.opus.contacts.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
