package fr.opus.platform.persistence;

import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.health.HealthIndicator;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.persistence.Migrations;
import fr.opus.platform.api.persistence.SchemaState;
import java.net.URL;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration extender: for every started bundle with an {@value Migrations#HEADER} header, migrates the schema
 * it names on the shared data source, then registers a {@link MigratedSchema} service in that bundle's name.
 * Migrations run one at a time on a thread of their own, never on the framework's event thread. Also reports the
 * database in {@code /api/v1/health}.
 *
 * <p>The data source is the one named {@code opus} by {@code etc/org.ops4j.datasource-opus.cfg}; a deployment may
 * point {@code dataSource.target} elsewhere.
 */
@Component(service = {Migrations.class, HealthIndicator.class})
public class MigrationExtender implements Migrations, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);
    private static final Pattern HEADER_SYNTAX = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*;\\s*location\\s*=\\s*\"?([^\";]+)\"?\\s*");

    private final DataSource dataSource;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "opus-migrations");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, SchemaState> states = new LinkedHashMap<>();
    private final Map<Long, ServiceRegistration<MigratedSchema>> registrations = new LinkedHashMap<>();
    private final BundleTracker<String> tracker;

    @Activate
    public MigrationExtender(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            BundleContext context) {
        this.dataSource = dataSource;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders().get(HEADER);
                if (header == null) {
                    return null;
                }
                Matcher m = HEADER_SYNTAX.matcher(header);
                if (!m.matches()) {
                    LOG.error("Bundle {}: malformed {} header '{}' (expected SCHEMA;location=folder)",
                            bundle.getSymbolicName(), HEADER, header);
                    return null;
                }
                String schema = m.group(1).toUpperCase(Locale.ROOT);
                String location = m.group(2);
                update(new SchemaState(schema, bundle.getSymbolicName(), null, SchemaState.State.MIGRATING, null));
                worker.execute(() -> migrate(bundle, schema, location));
                return schema;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String schema) {
                unregister(bundle);
                synchronized (states) {
                    states.remove(schema);
                }
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        List<Long> ids;
        synchronized (registrations) {
            ids = new ArrayList<>(registrations.keySet());
        }
        ids.forEach(this::unregister);
    }

    private void migrate(Bundle bundle, String schema, String location) {
        try {
            Map<String, URL> scripts = scriptsOf(bundle, location);
            long start = System.nanoTime();
            String version = SchemaMigrator.migrate(dataSource, schema, bundle.getSymbolicName() + ":" + location,
                    scripts);
            LOG.info("Schema {} of {} at version {} ({} scripts, {} ms)", schema, bundle.getSymbolicName(), version,
                    scripts.size(), (System.nanoTime() - start) / 1_000_000);
            update(new SchemaState(schema, bundle.getSymbolicName(), version, SchemaState.State.READY, null));
            register(bundle, schema, version);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Migration of schema {} of bundle {} failed; its capability stays unavailable", schema,
                    bundle.getSymbolicName(), e);
            update(new SchemaState(schema, bundle.getSymbolicName(), null, SchemaState.State.FAILED,
                    String.valueOf(e.getMessage())));
        }
    }

    private static Map<String, URL> scriptsOf(Bundle bundle, String location) {
        Map<String, URL> scripts = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries(location, "*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            scripts.put(path.substring(path.lastIndexOf('/') + 1), url);
        }
        return scripts;
    }

    private void register(Bundle bundle, String schema, String version) {
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SCHEMA_PROPERTY, schema);
        props.put(VERSION_PROPERTY, version);
        MigratedSchema marker = new Migrated(schema, version);
        try {
            ServiceRegistration<MigratedSchema> registration =
                    context.registerService(MigratedSchema.class, marker, props);
            synchronized (registrations) {
                registrations.put(bundle.getBundleId(), registration);
            }
        } catch (IllegalStateException stoppedMeanwhile) {
            LOG.debug("Bundle {} stopped before its schema was ready", bundle.getSymbolicName());
        }
    }

    private void unregister(Bundle bundle) {
        unregister(bundle.getBundleId());
    }

    private void unregister(long bundleId) {
        ServiceRegistration<MigratedSchema> registration;
        synchronized (registrations) {
            registration = registrations.remove(bundleId);
        }
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped and the framework unregistered it first
            }
        }
    }

    private void update(SchemaState state) {
        synchronized (states) {
            states.put(state.schema(), state);
        }
    }

    @Override
    public List<SchemaState> states() {
        synchronized (states) {
            return List.copyOf(states.values());
        }
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        Health.Status status = Health.Status.UP;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            details.put("product", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            if (!connection.isValid(2)) {
                status = Health.Status.DOWN;
                details.put("error", "connexion invalide");
            }
        } catch (SQLException e) {
            status = Health.Status.DOWN;
            details.put("error", String.valueOf(e.getMessage()));
        }
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (SchemaState state : states()) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("bundle", state.bundle());
            schema.put("state", state.state().name());
            if (state.version() != null) {
                schema.put("version", state.version());
            }
            if (state.error() != null) {
                schema.put("error", state.error());
            }
            schemas.put(state.schema(), schema);
            if (state.state() == SchemaState.State.FAILED) {
                status = Health.Status.DOWN;
            }
        }
        details.put("schemas", schemas);
        return new Health(status, details);
    }

    private record Migrated(String schema, String version) implements MigratedSchema {
    }
}
