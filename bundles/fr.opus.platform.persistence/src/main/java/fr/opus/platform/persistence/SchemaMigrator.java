package fr.opus.platform.persistence;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migrates one capability's schema with Flyway: scripts {@code V<n>__<what>.sql}, history in
 * {@code <SCHEMA>.SCHEMA_HISTORY}. An applied script whose content changed afterwards fails validation: a shipped
 * migration is never edited, a new one is added.
 */
final class SchemaMigrator {

    static final String HISTORY_TABLE = "SCHEMA_HISTORY";

    private SchemaMigrator() {
    }

    /** @return the version the schema is at after migration */
    static String migrate(DataSource dataSource, String schema, String location, Map<String, URL> scripts) {
        boolean lowerCase = storesLowerCase(dataSource);
        Flyway flyway = Flyway.configure(Flyway.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(lowerCase ? schema.toLowerCase(Locale.ROOT) : schema)
                .table(lowerCase ? HISTORY_TABLE.toLowerCase(Locale.ROOT) : HISTORY_TABLE)
                .createSchemas(true)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .resourceProvider(new ScriptSource(location, scripts))
                .javaMigrationClassProvider(() -> List.<Class<? extends JavaMigration>>of())
                .load();
        flyway.migrate();
        return currentVersion(flyway);
    }

    /**
     * Flyway quotes the names it is given; scripts and JPA mappings use unquoted names, which Derby folds to upper
     * case and PostgreSQL to lower case. Fold ours the same way so both meet.
     */
    private static boolean storesLowerCase(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().storesLowerCaseIdentifiers();
        } catch (SQLException e) {
            throw new IllegalStateException("Database unreachable: " + e.getMessage(), e);
        }
    }

    private static String currentVersion(Flyway flyway) {
        var current = flyway.info().current();
        MigrationVersion version = current == null ? null : current.getVersion();
        return version == null ? "0" : version.getVersion();
    }
}
