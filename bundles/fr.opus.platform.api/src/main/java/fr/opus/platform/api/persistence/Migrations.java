package fr.opus.platform.api.persistence;

import java.util.List;

/**
 * Versioned schema migrations, one database schema per capability.
 *
 * <p>A capability declares its scripts with a bundle header
 * {@code Opus-Migrations: <schema>;location=<folder in the bundle>} (Flyway naming: {@code V1__init.sql}, …).
 * When the bundle starts, the platform migrates that schema on the shared data source, then registers a
 * {@link MigratedSchema} service with the property {@value #SCHEMA_PROPERTY}. Components that touch the schema
 * reference that service, so they never see a half-migrated database.
 */
public interface Migrations {

    /** The bundle header a capability declares. */
    String HEADER = "Opus-Migrations";

    /** Service property of {@link MigratedSchema}: the schema's name (upper case). */
    String SCHEMA_PROPERTY = "opus.schema";

    /** Service property of {@link MigratedSchema}: the schema version after migration. */
    String VERSION_PROPERTY = "opus.schema.version";

    /** The state of every schema declared by an active bundle, in declaration order. */
    List<SchemaState> states();
}
