/** Versioned schema migrations: the bundle header a capability declares and the services the platform registers. */
@Export
@Version("1.0.0")
package fr.opus.platform.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
