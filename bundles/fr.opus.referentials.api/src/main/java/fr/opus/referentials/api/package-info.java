/** Reference data: ROME 4.0 jobs and titles, French regions, départements and communes, France Travail code lists. */
@Export
@Version("1.0.0")
package fr.opus.referentials.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
