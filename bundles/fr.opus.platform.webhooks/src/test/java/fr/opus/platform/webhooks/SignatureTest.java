package fr.opus.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final String SECRET = "c2VjcmV0LWRlLXRlc3QtcXVpLW4tZXN0LXBhcy1hbGVhdG9pcmU";
    private static final String BODY =
            "{\"id\":\"e-1\",\"type\":\"referral.state-changed\",\"data\":{\"état\":\"SENT\"}}";
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void headerIsTimestampAndLowerCaseHexHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((AT.getEpochSecond() + "." + BODY)
                .getBytes(StandardCharsets.UTF_8)));

        assertEquals("t=" + AT.getEpochSecond() + ",v1=" + expected, Signature.sign(SECRET, AT, BODY));
    }

    @Test
    void receiverAcceptsItsSignatureWithinFiveMinutes() {
        String header = Signature.sign(SECRET, AT, BODY);
        assertTrue(Signature.verify(SECRET, header, BODY, AT));
        assertTrue(Signature.verify(SECRET, header, BODY, AT.plusSeconds(300)));
        assertTrue(Signature.verify(SECRET, header, BODY, AT.minusSeconds(300)), "a receiver's clock a little behind");
    }

    @Test
    void receiverRefusesReplaysTamperingAndOtherSecrets() {
        String header = Signature.sign(SECRET, AT, BODY);
        assertFalse(Signature.verify(SECRET, header, BODY, AT.plusSeconds(301)), "replayed after 5 minutes");
        assertFalse(Signature.verify(SECRET, header, BODY.replace("SENT", "HIRED"), AT), "body changed");
        assertFalse(Signature.verify(SECRET + "x", header, BODY, AT), "another subscription's secret");
        String otherTime = header.replace("t=" + AT.getEpochSecond(), "t=" + (AT.getEpochSecond() + 60));
        assertFalse(Signature.verify(SECRET, otherTime, BODY, AT), "the time is signed too");
        assertFalse(Signature.verify(SECRET, null, BODY, AT));
        assertFalse(Signature.verify(SECRET, "v1=abc", BODY, AT));
        assertFalse(Signature.verify(SECRET, "t=abc,v1=abc", BODY, AT));
        assertFalse(Signature.verify(SECRET, "garbage", BODY, AT));
    }
}
