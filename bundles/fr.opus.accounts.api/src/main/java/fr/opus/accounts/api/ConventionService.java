package fr.opus.accounts.api;

/**
 * A service of annex 1 as listed on a convention.
 *
 * @param available whether the capability bringing it is installed now; an unavailable service stays on the
 *                  convention and comes back with its feature
 */
public record ConventionService(String id, String label, boolean available) {
}
