/** Names that wire a capability's JAX-RS resources to the shared JSON provider and problem mapper. */
@Version("1.0.0")
package fr.opus.platform.api.rest;

import org.osgi.annotation.versioning.Version;
