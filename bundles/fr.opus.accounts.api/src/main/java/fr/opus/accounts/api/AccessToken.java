package fr.opus.accounts.api;

import java.util.Set;

/** A bearer token as issued. Only its hash is stored. */
public record AccessToken(String token, long expiresInSeconds, Set<String> scopes) {
}
