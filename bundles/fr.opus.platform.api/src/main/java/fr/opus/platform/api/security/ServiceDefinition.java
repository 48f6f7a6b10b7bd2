package fr.opus.platform.api.security;

/**
 * A convention service (annex 1 of the convention) that a capability brings, registered as an OSGi service: core
 * registers {@code consultation-offres} and {@code delegation-mer}, each optional module its own. A convention may
 * only list registered services; when a module is uninstalled its service shows as unavailable on the conventions
 * that keep it.
 */
public interface ServiceDefinition {

    /** Stable identifier, kebab-case French as on the convention ({@code consultation-offres}). */
    String id();

    /** French label, as in annex 1. */
    String label();

    /** French description of what the service gives access to. */
    String description();

    /** Base services of every convention (DOMAIN §2). */
    String CONSULTATION_OFFRES = "consultation-offres";
    String DELEGATION_MER = "delegation-mer";
}
