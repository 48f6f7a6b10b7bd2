/**
 * Domain events through the platform's transactional outbox: a capability publishes an event inside the database
 * transaction of the change; the platform delivers it after commit to partner systems as HMAC-signed webhooks.
 */
@Export
@Version("1.0.0")
package fr.opus.platform.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
