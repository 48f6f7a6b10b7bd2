/**
 * Versioned schema migrations (the bundle header a capability declares and the services the platform registers), and
 * {@link fr.opus.platform.api.persistence.Jdbc} for capabilities that keep their rows with plain SQL.
 */
@Version("1.1.0")
package fr.opus.platform.api.persistence;

import org.osgi.annotation.versioning.Version;
