/** Health indicators that capabilities contribute to {@code GET /api/v1/health}. */
@Version("1.0.0")
package fr.opus.platform.api.health;

import org.osgi.annotation.versioning.Version;
