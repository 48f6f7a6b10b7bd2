package fr.opus.offers.shell;

import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.SupportLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The French words and formats the offer commands show. */
final class Texts {

    /** Opus serves France: times are shown as a French operator reads them. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(PARIS);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(PARIS);

    private Texts() {
    }

    static String status(OfferStatus status) {
        if (status == null) {
            return "inconnu";
        }
        return switch (status) {
            case ACTIVE -> "active";
            case SUSPENDED -> "suspendue";
            case CANCELLED -> "annulée";
            case CLOSED -> "clôturée";
        };
    }

    static String diffusion(Diffusion diffusion) {
        return switch (diffusion) {
            case NOMINATIVE -> "nominative";
            case VISIBILITY -> "visibilité (nom de l'entreprise seul)";
            case ANONYMOUS -> "anonyme";
        };
    }

    static String supportLevel(SupportLevel level) {
        return switch (level) {
            case SUPPORT -> "appui";
            case ACCOMPANIMENT -> "accompagnement";
        };
    }

    static String preselection(PreselectionLevel level) {
        if (level == null) {
            return "aucune";
        }
        return switch (level) {
            case VERIFICATION -> "vérification";
            case ENDORSEMENT -> "valorisation";
            case ASSESSMENT -> "évaluation";
        };
    }

    /** {@code 23/12/2025 17:01:23}, Paris time; {@code jamais} for none. */
    static String time(Instant instant) {
        return instant == null ? "jamais" : TIME.format(instant);
    }

    /** France Travail's ISO date as {@code 23/12/2025}, Paris time; the text unchanged if it is no date. */
    static String day(String isoInstant) {
        return format(DAY, isoInstant);
    }

    /** France Travail's ISO date as {@code 23/12/2025 17:01:23}, Paris time; {@code null} for none. */
    static String time(String isoInstant) {
        return isoInstant == null ? null : format(TIME, isoInstant);
    }

    private static String format(DateTimeFormatter format, String isoInstant) {
        if (isoInstant == null) {
            return "";
        }
        try {
            return format.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    /** The non-blank parts, joined with {@code separator}; {@code null} when there is none. */
    static String join(String separator, String... parts) {
        String joined = Arrays.stream(parts).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    /** A comma-separated option value as a list: {@code "CDI, CDD"} → {@code [CDI, CDD]}. */
    static List<String> list(String option) {
        if (option == null || option.isBlank()) {
            return List.of();
        }
        return Arrays.stream(option.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code 1 offre}, {@code 2 offres}: French puts 0 and 1 in the singular. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n > 1 ? plural : singular);
    }
}
