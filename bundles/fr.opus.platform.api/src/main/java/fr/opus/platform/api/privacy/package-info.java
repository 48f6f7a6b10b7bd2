/** DOMAIN §9: what Opus must never hold, and the screen free text goes through before it is stored. */
@Export
@Version("1.0.0")
package fr.opus.platform.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
