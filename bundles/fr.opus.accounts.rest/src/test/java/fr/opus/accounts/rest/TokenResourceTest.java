package fr.opus.accounts.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.opus.accounts.api.ClientRegistry;
import fr.opus.accounts.api.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenResourceTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsClientSecretBasicWithFormEncodedParts() {
        assertArrayEquals(new String[] {"PAR_app_1", "a+b/c=d"},
                TokenResource.basicCredentials(basic("PAR_app_1:a%2Bb%2Fc%3Dd")));
    }

    @Test
    void ignoresOtherSchemesAndRefusesGarbage() {
        assertNull(TokenResource.basicCredentials(null));
        assertNull(TokenResource.basicCredentials("Bearer abc"));
        assertNull(TokenResource.basicCredentials(basic("no-colon")));
        assertEquals("invalid_client",
                assertThrows(OAuthException.class, () -> TokenResource.basicCredentials("Basic !!!")).error());
    }

    @Test
    void aClientRefusedAfterHttpBasicGets401WithAChallengeAndAFormClient400() {
        ClientRegistry refusing = (ClientRegistry) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ClientRegistry.class}, (proxy, method, args) -> {
                    throw new OAuthException("invalid_client", "Client authentication failed");
                });
        TokenResource resource = new TokenResource(refusing);

        javax.ws.rs.core.Response basic = resource.token("/partenaire", "client_credentials", null, null, null,
                basic("PAR_app:wrong"));
        javax.ws.rs.core.Response form = resource.token("/partenaire", "client_credentials", "PAR_app", "wrong", null,
                null);

        assertEquals(401, basic.getStatus());
        assertEquals("Basic realm=\"/partenaire\"", basic.getHeaderString("WWW-Authenticate"));
        assertEquals(400, form.getStatus());
        assertNull(form.getHeaderString("WWW-Authenticate"));
    }
}
