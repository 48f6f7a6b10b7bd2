/**
 * Mail through the platform's transactional outbox: a capability queues a mail inside the database transaction of
 * the change that causes it; the platform sends it after commit, retrying until the SMTP server accepts it.
 */
@Export
@Version("1.1.0")
package fr.opus.platform.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
