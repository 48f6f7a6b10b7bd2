package fr.opus.accounts.api;

import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.util.List;
import java.util.Set;

/**
 * Machine clients and the OAuth2 client-credentials grant. Operators issue clients: one per application of a
 * partner (under its convention) and France Travail's feed.
 */
public interface ClientRegistry {

    /** Scopes a partner's application may ask for, France Travail's names for its offer API included. */
    Set<String> PARTNER_SCOPES = Set.of("api_offresdemploiv2", "o2dsoffre", "opus");
    /** The scope of France Travail's offer feed. */
    Set<String> FEED_SCOPES = Set.of("opus_feed");

    IssuedClient issue(Caller by, Role role, String partnerId, String name, Set<String> scopes);

    List<Client> clients(Caller by, String partnerId);

    /** Revokes a client and every token it holds. */
    Client revoke(Caller by, String clientId);

    /**
     * The token endpoint ({@code grant_type=client_credentials}). Throws {@link OAuthException} as France
     * Travail's endpoint answers.
     *
     * @param scope space-separated scopes asked for; France Travail's {@code application_<id>} is accepted and
     *              ignored; empty asks for every scope of the client
     */
    AccessToken token(String grantType, String clientId, String clientSecret, String scope, String remoteAddress);
}
