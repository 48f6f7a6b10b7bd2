/** Versioned schema migrations: the bundle header a capability declares and the services the platform registers. */
@Version("1.0.0")
package fr.opus.platform.api.persistence;

import org.osgi.annotation.versioning.Version;
