package fr.opus.platform.api;

import java.util.Map;

/**
 * An RFC 9457 problem document, with Opus's two extension members: {@code code}, stable for programs, and
 * {@code field}, the offending input. {@code detail} is French, for people.
 *
 * @param type   a URI naming the kind of problem: {@code urn:opus:problem:<code>}
 * @param title  a short French summary of the status
 * @param status the HTTP status
 * @param code   the stable machine-readable code (kebab-case)
 * @param detail the French explanation of this occurrence
 * @param field  the offending input, or {@code null}
 */
public record Problem(String type, String title, int status, String code, String detail, String field) {

    /** The media type of a problem document (RFC 9457). */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:opus:problem:";

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Requête invalide"),
            Map.entry(401, "Authentification requise"),
            Map.entry(403, "Accès refusé"),
            Map.entry(404, "Ressource introuvable"),
            Map.entry(405, "Méthode non autorisée"),
            Map.entry(406, "Format de réponse non disponible"),
            Map.entry(409, "Conflit avec l'état actuel"),
            Map.entry(413, "Requête trop volumineuse"),
            Map.entry(415, "Format de requête non pris en charge"),
            Map.entry(422, "Requête non traitable"),
            Map.entry(429, "Trop de requêtes"),
            Map.entry(500, "Erreur interne"),
            Map.entry(503, "Service indisponible"));

    public static Problem of(int status, String code, String detail, String field) {
        return new Problem(TYPE_PREFIX + code, titleOf(status), status, code, detail, field);
    }

    /** The French title of an HTTP status, falling back to the status class. */
    public static String titleOf(int status) {
        String title = TITLES.get(status);
        if (title != null) {
            return title;
        }
        return status >= 500 ? "Erreur du serveur" : "Requête refusée";
    }
}
