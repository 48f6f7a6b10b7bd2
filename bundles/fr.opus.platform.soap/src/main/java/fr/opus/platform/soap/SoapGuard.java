package fr.opus.platform.soap;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.SecurityProblemCodes;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.servlet.http.HttpServletRequest;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.invoker.MethodDispatcher;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Authenticates and authorises every SOAP operation before it runs, as {@code AuthFilter} does for REST: reads a
 * WS-Security {@code UsernameToken} (password in clear text, over TLS in production) or else the HTTP
 * {@code Authorization} header (the same bearer token or HTTP Basic as REST), asks the {@link Authenticator} who is
 * calling, and applies the {@link fr.opus.platform.api.security.Permit} of the implementation's method. The
 * {@link Caller} is then available to the operation through {@link SoapEndpoints#caller()}.
 *
 * <p>It declares that it understands {@code wsse:Security}, so clients that mark it {@code mustUnderstand} (SoapUI,
 * CXF and Metro with WSS4J) are not refused. Refusals are the operation's typed {@link OpusFault} with the REST
 * status (401, 403) and code, sent as {@code soap:Client}.
 */
final class SoapGuard extends AbstractSoapInterceptor {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final QName SECURITY = new QName(WSSE, "Security");
    static final String PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    /** Where CXF's HTTP transport keeps the servlet request (AbstractHTTPDestination.HTTP_REQUEST). */
    private static final String HTTP_REQUEST = "HTTP.REQUEST";

    private final Authenticator authenticator;
    private final Object implementation;

    SoapGuard(Authenticator authenticator, Object implementation) {
        super(Phase.PRE_INVOKE);
        this.authenticator = authenticator;
        this.implementation = implementation;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exchange exchange = message.getExchange();
        try {
            Guard.Rule rule = Guard.ruleOf(implementationMethod(exchange), implementation.getClass());
            if (rule.open()) {
                return;
            }
            Caller caller = authenticate(message);
            Guard.check(rule, caller);
            exchange.put(Caller.class, caller);
        } catch (OpusException e) {
            throw new Fault(OpusFault.of(e));
        }
    }

    private Method implementationMethod(Exchange exchange) {
        BindingOperationInfo operation = exchange.getBindingOperationInfo();
        MethodDispatcher dispatcher = (MethodDispatcher) exchange.getService().get(MethodDispatcher.class.getName());
        Method declared = operation == null || dispatcher == null ? null : dispatcher.getMethod(operation);
        if (declared == null) {
            return null; // unknown operation: the class's rule, or refusal
        }
        try {
            return implementation.getClass().getMethod(declared.getName(), declared.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return declared;
        }
    }

    Caller authenticate(SoapMessage message) {
        String address = remoteAddress(message);
        Element token = usernameToken(message);
        if (token != null) {
            String login = text(child(token, "Username"));
            Element passwordElement = child(token, "Password");
            String type = passwordElement == null ? "" : passwordElement.getAttribute("Type");
            if (!type.isEmpty() && !PASSWORD_TEXT.equals(type)) {
                throw new OpusException(401, SecurityProblemCodes.UNAUTHORIZED, "Seul le mot de passe en clair"
                        + " (PasswordText, à envoyer en HTTPS) est accepté dans le UsernameToken : Opus ne garde que"
                        + " l'empreinte Argon2id des mots de passe et ne peut pas vérifier un PasswordDigest.",
                        "wsse:Password");
            }
            String password = text(passwordElement);
            if (login == null || login.isEmpty() || password == null) {
                throw new OpusException(401, SecurityProblemCodes.UNAUTHORIZED,
                        "Le UsernameToken doit contenir Username et Password.", "wsse:UsernameToken");
            }
            return authenticator.password(login, password, address);
        }
        String authorization = header(message, "Authorization");
        if (authorization == null) {
            throw new OpusException(401, SecurityProblemCodes.UNAUTHORIZED, "Authentification requise : en-tête"
                    + " WS-Security UsernameToken, ou en-tête HTTP Authorization (jeton « Bearer » ou HTTP Basic).",
                    null);
        }
        return authenticator.authorization(authorization, address);
    }

    private static Element usernameToken(SoapMessage message) {
        for (Header header : message.getHeaders()) {
            if (SECURITY.equals(header.getName()) && header.getObject() instanceof Element security) {
                Element token = child(security, "UsernameToken");
                if (token != null) {
                    return token;
                }
            }
        }
        return null;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WSSE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    @SuppressWarnings("unchecked")
    private static String header(Message message, String name) {
        Object headers = message.get(Message.PROTOCOL_HEADERS);
        if (!(headers instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, List<String>> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll((Map<String, List<String>>) map);
        List<String> values = insensitive.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String remoteAddress(Message message) {
        return message.get(HTTP_REQUEST) instanceof HttpServletRequest request ? request.getRemoteAddr() : null;
    }
}
