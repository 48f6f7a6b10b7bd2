package fr.opus.platform.api.persistence;

/**
 * Registered once a capability's schema is migrated to the version its bundle ships. Reference it with
 * {@code target = "(opus.schema=REFERENTIALS)"} to wait for the schema.
 */
public interface MigratedSchema {

    /** The schema's name, upper case. */
    String schema();

    /** The version now applied, e.g. {@code "2"}. */
    String version();
}
