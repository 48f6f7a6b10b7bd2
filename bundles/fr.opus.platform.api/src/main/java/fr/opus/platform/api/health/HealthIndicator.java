package fr.opus.platform.api.health;

/**
 * A capability's contribution to {@code GET /api/v1/health}. Register it as an OSGi service; it is called on every
 * health request, so it must answer fast (a cached state, a quick probe).
 */
public interface HealthIndicator {

    /** A short stable key, e.g. {@code "database"} or {@code "referentials"}. */
    String name();

    Health check();
}
