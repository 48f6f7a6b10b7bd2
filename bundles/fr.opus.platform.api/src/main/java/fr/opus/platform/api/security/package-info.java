/**
 * Who is calling and what they may do: the roles, the authenticated {@link fr.opus.platform.api.security.Caller},
 * the {@link fr.opus.platform.api.security.Permit} rule every endpoint carries, the
 * {@link fr.opus.platform.api.security.Authenticator} the accounts capability provides, and the whiteboard of
 * convention services ({@link fr.opus.platform.api.security.ServiceDefinition}).
 */
@Export
@Version("1.1.0")
package fr.opus.platform.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
