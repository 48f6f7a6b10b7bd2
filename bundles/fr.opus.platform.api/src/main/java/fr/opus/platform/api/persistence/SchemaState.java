package fr.opus.platform.api.persistence;

/**
 * Where one capability's schema stands.
 *
 * @param schema  the schema name
 * @param bundle  the symbolic name of the bundle that declares it
 * @param version the version applied, or {@code null} before the first migration
 * @param state   {@code MIGRATING}, {@code READY} or {@code FAILED}
 * @param error   why it failed, or {@code null}
 */
public record SchemaState(String schema, String bundle, String version, State state, String error) {

    public enum State { MIGRATING, READY, FAILED }
}
