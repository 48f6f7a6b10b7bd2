/** The error model every Opus capability throws and every adapter (REST, SOAP, shell) renders. */
@Version("1.1.0")
package fr.opus.platform.api;

import org.osgi.annotation.versioning.Version;
