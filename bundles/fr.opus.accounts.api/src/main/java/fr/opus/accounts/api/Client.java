package fr.opus.accounts.api;

import fr.opus.platform.api.security.Role;
import java.time.Instant;
import java.util.Set;

/** A machine client of OAuth2 client credentials: a partner's application or France Travail's feed. */
public record Client(String clientId, Role role, String partnerId, String name, Set<String> scopes, boolean active,
        Instant createdAt, Instant lastUsedAt) {
}
