package fr.opus.platform.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the migration scripts of one bundle folder, read straight from the bundle: no class-path scanning,
 * which does not see across bundles.
 */
final class ScriptSource implements ResourceProvider {

    private final String location;
    private final Map<String, URL> scripts;

    /**
     * @param location the folder the scripts come from (for messages)
     * @param scripts  file name → content URL
     */
    ScriptSource(String location, Map<String, URL> scripts) {
        this.location = location;
        this.scripts = Map.copyOf(scripts);
    }

    @Override
    public LoadableResource getResource(String name) {
        URL url = scripts.get(name);
        return url == null ? null : new Script(location, name, url);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        Collection<LoadableResource> found = new ArrayList<>();
        scripts.forEach((name, url) -> {
            if (name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith)) {
                found.add(new Script(location, name, url));
            }
        });
        return found;
    }

    private static final class Script extends LoadableResource {
        private final String location;
        private final String name;
        private final URL url;

        Script(String location, String name, URL url) {
            this.location = location;
            this.name = name;
            this.url = url;
        }

        @Override
        public Reader read() {
            try {
                return new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read migration " + getAbsolutePath(), e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return location + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
