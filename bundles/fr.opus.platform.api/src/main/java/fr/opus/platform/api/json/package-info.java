/**
 * What people are told, in French, when a JSON document cannot be read: shared by the REST JSON provider and by the
 * adapters that read JSON themselves (one event of a feed batch, an offer in a SOAP message). Needs Jackson, which
 * this bundle imports optionally: only bundles that read JSON use this package.
 */
@Version("1.0.0")
package fr.opus.platform.api.json;

import org.osgi.annotation.versioning.Version;
