package fr.opus.contacts.shell;

import fr.opus.contacts.api.Presentation.Delivery;
import fr.opus.contacts.api.RejectionReason;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The French words and formats the contacts commands show. */
final class Texts {

    /** Opus serves France: times are shown as a French operator reads them. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String NONE = "—";

    private Texts() {
    }

    /** {@code 02/11/2026 09:30}, Paris time; a dash for none. */
    static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    /** {@code 02/11/2026}. */
    static String day(LocalDate day) {
        return day == null ? NONE : DAY.format(day);
    }

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }

    static String reason(RejectionReason reason) {
        return reason == null ? NONE : reason.label();
    }

    /** Where a mail or notice stands, in a few words: {@code envoyé le 02/11/2026 09:30}, {@code échec (3 essais)}. */
    static String delivery(Delivery d) {
        if (d == null || d.status() == null) {
            return NONE;
        }
        return switch (d.status()) {
            case PENDING -> "en attente" + (d.attempts() == 0 ? "" : " (" + attempts(d.attempts()) + ")");
            case SENT -> "envoyé le " + time(d.sentAt());
            case FAILED -> "échec (" + attempts(d.attempts()) + ")";
            case TO_RELAY -> "à transmettre par le conseiller";
        };
    }

    private static String attempts(int n) {
        return n + (n > 1 ? " essais" : " essai");
    }

    /** Who received the employer's list of candidates. */
    static String recipient(String recipient) {
        if (recipient == null) {
            return NONE;
        }
        return switch (recipient) {
            case "employer" -> "l'employeur";
            case "managing-partner" -> "le partenaire gestionnaire de l'offre";
            case "france-travail" -> "France Travail, qui relaie à l'employeur";
            default -> recipient;
        };
    }

    /** A number with a French decimal comma and {@code digits} decimals: {@code 6,5}. */
    static String decimal(double value, int digits) {
        return String.format(Locale.FRANCE, "%." + digits + "f", value);
    }

    /** A CSV cell for a decimal, as over REST: three decimals and a comma ({@code 0,375}); empty for none. */
    static String csvDecimal(Double value) {
        return value == null ? "" : decimal(value, 3);
    }

    /** A share from 0 to 1 as a French percentage, {@code 37,5 %}; a dash for none. */
    static String percent(Double share) {
        return share == null ? NONE : decimal(share * 100, 1) + " %";
    }

    /** {@code 1 acte}, {@code 2 actes}: French puts 0 and 1 in the singular. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n > 1 ? plural : singular);
    }

    /** One field of a CSV line with {@code ;} separators, quoted when it holds a separator, a quote or a line break. */
    static String csv(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** {@code label :   value}, aligned, for the detail commands; nothing when there is no value. */
    static void line(PrintStream out, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            out.printf("%-24s %s%n", label + " :", value);
        }
    }
}
