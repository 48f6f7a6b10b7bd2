/** Reference data: ROME 4.0 jobs and titles, French regions, départements and communes, France Travail code lists. */
@Version("1.0.0")
package fr.opus.referentials.api;

import org.osgi.annotation.versioning.Version;
