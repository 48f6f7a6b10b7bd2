package fr.opus.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.OpusException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ReceiversTest {

    @Test
    void httpsUrlOfAPublicServerIsAccepted() {
        assertEquals(URI.create("https://si.mission-locale.fr/opus/webhooks?canal=1"),
                Receivers.validate(" https://si.mission-locale.fr/opus/webhooks?canal=1 ", false));
        assertEquals(URI.create("https://203.0.113.7:8443/hook"), Receivers.validate("https://203.0.113.7:8443/hook",
                false));
    }

    @Test
    void refusedUrlsNameTheUrlField() {
        for (String url : new String[] {null, " ", "not a url", "/relative/path", "ftp://si.exemple.fr/x",
            "http://si.exemple.fr/hook", "https://user:password@si.exemple.fr/hook", "https://si.exemple.fr/hook#frag",
            "https:///nohost", "https://localhost/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook",
            "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://si.exemple.fr/" + "x".repeat(Receivers.MAX_URL)}) {
            OpusException refused = assertThrows(OpusException.class, () -> Receivers.validate(url, false), url);
            assertEquals(400, refused.status(), url);
            assertEquals(WebhookProblemCodes.INVALID_WEBHOOK, refused.code(), url);
            assertEquals("url", refused.field(), url);
        }
    }

    @Test
    void allowHttpLetsLocalReceiversInButNeverCredentialsOrFragments() {
        assertEquals("http", Receivers.validate("http://127.0.0.1:8080/hook", true).getScheme());
        assertThrows(OpusException.class, () -> Receivers.validate("http://u:p@127.0.0.1/hook", true));
        assertThrows(OpusException.class, () -> Receivers.validate("http://127.0.0.1/hook#x", true));
        assertThrows(OpusException.class, () -> Receivers.validate("file:///etc/passwd", true));
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String address : new String[] {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
            "100.64.1.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "fe80::1", "fd12:3456::1",
            "::"}) {
            assertFalse(Receivers.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : new String[] {"203.0.113.7", "8.8.8.8", "2001:4860:4860::8888"}) {
            assertTrue(Receivers.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void beforeSendingAHostResolvingToAnInternalAddressIsRefused() {
        IOException refused = assertThrows(IOException.class,
                () -> Receivers.checkBeforeSending(URI.create("https://localhost:8443/hook"), false));
        assertTrue(refused.getMessage().contains("interne"), refused.getMessage());
        assertThrows(IOException.class,
                () -> Receivers.checkBeforeSending(URI.create("http://si.exemple.fr/hook"), false));
    }
}
