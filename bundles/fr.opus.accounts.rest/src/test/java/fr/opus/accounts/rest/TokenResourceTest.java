package fr.opus.accounts.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
