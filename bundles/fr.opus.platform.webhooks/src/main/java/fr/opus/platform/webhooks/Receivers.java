package fr.opus.platform.webhooks;

import fr.opus.platform.api.OpusException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs Opus agrees to call. A webhook URL is chosen by a partner, and Opus calls it from inside France
 * Travail's network: left open, that would let a subscriber make Opus call internal services (server-side request
 * forgery) and read their status codes in the receipts. So, unless {@code allowHttp} is set (tests, development):
 * only {@code https://}, no user name or password, no fragment, and only public addresses — an IP literal is checked
 * when subscribing, a host name each time it is resolved before a POST, and redirects are never followed. A name
 * can still resolve to another address between the check and the connection (DNS rebinding): production deployments
 * should also route webhook traffic through an egress proxy or firewall that only lets out public destinations.
 */
final class Receivers {

    static final int MAX_URL = 2000;
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    private Receivers() {
    }

    /** Checks a URL given to subscribe; throws a 400 {@code invalid-webhook} on {@code url} when refused. */
    static URI validate(String url, boolean allowHttp) {
        if (url == null || url.isBlank()) {
            throw invalid("L'adresse du webhook est obligatoire (https://…).");
        }
        String text = url.strip();
        if (text.length() > MAX_URL) {
            throw invalid("L'adresse du webhook dépasse " + MAX_URL + " caractères.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("L'adresse du webhook n'est pas une URL valide.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("L'adresse du webhook doit commencer par https://.");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw invalid("Seules les adresses https:// sont acceptées : les événements doivent voyager chiffrés.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("L'adresse du webhook ne doit contenir ni identifiant ni mot de passe : la signature"
                    + " Opus-Signature authentifie les envois.");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("L'adresse du webhook ne doit pas contenir de fragment (#…).");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("L'adresse du webhook doit nommer un serveur (https://serveur.exemple.fr/…).");
        }
        if (!allowHttp && !publicLiteral(uri.getHost())) {
            throw invalid("L'adresse du webhook désigne un réseau interne ou la machine locale : seules les"
                    + " adresses publiques sont appelées.");
        }
        return uri;
    }

    /**
     * Checks, just before a POST, that the URL is still acceptable and that its host resolves to public addresses
     * only; throws with a French reason, kept as the delivery's last error, when not.
     */
    static void checkBeforeSending(URI uri, boolean allowHttp) throws IOException {
        if (allowHttp) {
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("adresse http:// refusée (allowHttp=false)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare(uri.getHost()));
        } catch (UnknownHostException e) {
            throw new IOException("nom d'hôte inconnu", e);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new IOException("le nom d'hôte désigne une adresse interne, refusée");
            }
        }
    }

    /** False for names that obviously mean this machine, and for IP literals that are not public. */
    private static boolean publicLiteral(String host) {
        String name = bare(host).toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return false;
        }
        if (!host.startsWith("[") && !IPV4_LITERAL.matcher(name).matches()) {
            return true; // a name: checked when resolved, before each POST
        }
        try {
            return isPublic(InetAddress.getByName(name)); // a literal: no look-up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether an address is on the public internet: not loopback, private, link-local, shared, reserved… */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15, benchmarking
                    && first < 240; // reserved and broadcast
        }
        return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
    }

    private static OpusException invalid(String detail) {
        return OpusException.invalid(WebhookProblemCodes.INVALID_WEBHOOK, detail, "url");
    }
}
