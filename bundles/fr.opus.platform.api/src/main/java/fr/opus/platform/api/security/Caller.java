package fr.opus.platform.api.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller, as every endpoint sees it: a person's account or a machine client, its role and, for a
 * partner's people and applications, the partner and the convention in force with its services.
 *
 * @param id           account or client identifier
 * @param login        the login (people) or {@code client_id} (clients)
 * @param role         the role
 * @param partnerId    the partner acted for, or {@code null} for France Travail callers
 * @param conventionId the partner's convention in force, or {@code null}
 * @param region       INSEE code of the region the caller works in (the convention's or the operator's), or
 *                     {@code null} for the whole platform
 * @param services     the convention's services (annex 1) available right now; empty for France Travail callers
 * @param scopes       for clients, the OAuth2 scopes granted to this token; empty for people
 * @param address      the network address this request came from (for the audit trail), or {@code null}
 */
public record Caller(String id, String login, Role role, String partnerId, String conventionId, String region,
        Set<String> services, Set<String> scopes, String address) implements Principal {

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
        services = Set.copyOf(services);
        scopes = Set.copyOf(scopes);
        if (role.partnerBound() && (partnerId == null || conventionId == null)) {
            throw new IllegalArgumentException(role + " callers act for a partner under a convention");
        }
    }

    /** The same caller, seen on a request from {@code otherAddress}. */
    public Caller from(String otherAddress) {
        return new Caller(id, login, role, partnerId, conventionId, region, services, scopes, otherAddress);
    }

    @Override
    public String getName() {
        return login;
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller's convention includes this service now; France Travail callers are not bound by one. */
    public boolean mayUse(String serviceId) {
        return !role.partnerBound() || services.contains(serviceId);
    }

    /** Whether the caller may see data owned by this partner: its own staff, or France Travail. */
    public boolean mayActFor(String ownerPartnerId) {
        return !role.partnerBound() || Objects.equals(partnerId, ownerPartnerId);
    }
}
