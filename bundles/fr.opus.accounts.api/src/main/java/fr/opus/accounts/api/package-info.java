/**
 * Partners, their conventions, people's accounts, machine clients, tokens and the audit trail. Every method takes
 * the {@link fr.opus.platform.api.security.Caller} it acts for and checks what that caller may do; failures are
 * {@link fr.opus.platform.api.OpusException}s with the codes of {@link fr.opus.accounts.api.AccountProblemCodes}.
 */
@Export
@Version("1.2.0")
package fr.opus.accounts.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
