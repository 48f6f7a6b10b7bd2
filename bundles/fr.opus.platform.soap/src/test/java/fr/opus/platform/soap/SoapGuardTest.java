package fr.opus.platform.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class SoapGuardTest {

    private static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), null);

    private final List<String> asked = new ArrayList<>();

    private final Authenticator authenticator = new Authenticator() {
        @Override
        public Caller bearer(String token, String remoteAddress) {
            asked.add("bearer " + token);
            return OPERATOR;
        }

        @Override
        public Caller password(String login, String password, String remoteAddress) {
            asked.add("password " + login + ":" + password);
            return OPERATOR;
        }
    };

    private final SoapGuard guard = new SoapGuard(authenticator, new Object());

    private static SoapMessage message(String securityHeader, String authorization) throws Exception {
        SoapMessage message = new SoapMessage(new MessageImpl());
        if (securityHeader != null) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element security = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(securityHeader))).getDocumentElement();
            message.getHeaders().add(new Header(SoapGuard.SECURITY, security));
        }
        if (authorization != null) {
            Map<String, List<String>> headers = new TreeMap<>();
            headers.put("authorization", List.of(authorization)); // header names come in any case
            message.put(Message.PROTOCOL_HEADERS, headers);
        }
        return message;
    }

    private static String usernameToken(String login, String password, String type) {
        return "<wsse:Security xmlns:wsse=\"" + SoapGuard.WSSE + "\"><wsse:UsernameToken>"
                + "<wsse:Username> " + login + " </wsse:Username><wsse:Password"
                + (type == null ? "" : " Type=\"" + type + "\"") + ">" + password + "</wsse:Password>"
                + "</wsse:UsernameToken></wsse:Security>";
    }

    @Test
    void aUsernameTokenInClearTextIsCheckedAsAPasswordAndWinsOverHttp() throws Exception {
        Caller caller = guard.authenticate(message(usernameToken("operateur", "Mot de passe 2026 !",
                SoapGuard.PASSWORD_TEXT), "Bearer ignored"));

        assertEquals(OPERATOR, caller);
        assertEquals(List.of("password operateur:Mot de passe 2026 !"), asked);
    }

    @Test
    void aPasswordWithoutTypeIsClearTextToo() throws Exception {
        guard.authenticate(message(usernameToken("operateur", "secret", null), null));

        assertEquals(List.of("password operateur:secret"), asked);
    }

    @Test
    void aDigestCannotBeCheckedAgainstAnArgon2HashAndSaysSo() throws Exception {
        OpusException refused = assertThrows(OpusException.class, () -> guard.authenticate(message(
                usernameToken("operateur", "ZGlnZXN0", SoapGuard.PASSWORD_TEXT.replace("Text", "Digest")), null)));

        assertEquals(401, refused.status());
        assertEquals("wsse:Password", refused.field());
        assertTrue(refused.detail().contains("PasswordText"), refused.detail());
        assertEquals(List.of(), asked);
    }

    @Test
    void withoutATokenTheHttpAuthorizationHeaderIsUsed() throws Exception {
        guard.authenticate(message(null, "Bearer abc"));

        assertEquals(List.of("bearer abc"), asked);
    }

    @Test
    void noCredentialsIsA401NamingBothWays() throws Exception {
        OpusException refused = assertThrows(OpusException.class, () -> guard.authenticate(message(null, null)));

        assertEquals(401, refused.status());
        assertTrue(refused.detail().contains("UsernameToken") && refused.detail().contains("Authorization"),
                refused.detail());
    }

    @Test
    void itUnderstandsTheSecurityHeaderSoMustUnderstandClientsPass() {
        assertEquals(Set.of(SoapGuard.SECURITY), guard.getUnderstoodHeaders());
    }

    @Test
    void noEndpointIsPublishedWithoutAnAuthenticator() {
        assertThrows(NullPointerException.class, () -> SoapEndpoints.publish(Runnable.class, () -> { }, "/x", null));
    }
}
