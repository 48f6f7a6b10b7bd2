package fr.opus.platform.api.health;

import java.util.Map;

/**
 * One indicator's answer.
 *
 * @param status  {@code UP}, {@code DEGRADED} (works, with a caveat) or {@code DOWN}
 * @param details what an operator needs to see (no personal data)
 */
public record Health(Status status, Map<String, Object> details) {

    public enum Status { UP, DEGRADED, DOWN }

    public Health {
        details = Map.copyOf(details);
    }

    public static Health up(Map<String, Object> details) {
        return new Health(Status.UP, details);
    }

    public static Health down(Map<String, Object> details) {
        return new Health(Status.DOWN, details);
    }
}
