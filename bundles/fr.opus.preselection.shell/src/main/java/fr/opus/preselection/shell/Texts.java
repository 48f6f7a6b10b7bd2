package fr.opus.preselection.shell;

import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.preselection.api.AssessmentTool;
import fr.opus.preselection.api.CandidacyState;
import fr.opus.preselection.api.EmployerFeedback;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The French words and formats the preselection commands show. */
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

    /** {@code 02/11/2026}; a dash for none. */
    static String day(LocalDate day) {
        return day == null ? NONE : DAY.format(day);
    }

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }

    /** The level as France Travail names it: vérification, valorisation, évaluation. */
    static String level(PreselectionLevel level) {
        return level == null ? NONE : switch (level) {
            case VERIFICATION -> "vérification";
            case ENDORSEMENT -> "valorisation";
            case ASSESSMENT -> "évaluation";
        };
    }

    static String state(CandidacyState state) {
        return state == null ? NONE : state.label();
    }

    static String tool(AssessmentTool tool) {
        return tool == null ? NONE : tool.label();
    }

    static String reason(RejectionReason reason) {
        return reason == null ? NONE : reason.label();
    }

    static String yesNo(Boolean value) {
        return value == null ? NONE : value ? "oui" : "non";
    }

    /** The weighted score out of 5 with a French decimal comma, {@code 4,4 / 5}; a dash without criteria. */
    static String score(Double weighted) {
        return weighted == null ? NONE : decimal(weighted, 1) + " / 5";
    }

    /** The employer's feedback in a few words: {@code reçu, non retenu (Expérience insuffisante…)}. */
    static String feedback(EmployerFeedback f) {
        if (f == null) {
            return NONE;
        }
        List<String> parts = new ArrayList<>();
        if (f.received() != null) {
            parts.add(f.received() ? "reçu" : "non reçu");
        }
        if (f.hired() == null) {
            parts.add("décision en attente");
        } else if (f.hired()) {
            parts.add("recruté");
        } else {
            parts.add("non retenu" + (f.reason() == null ? "" : " (" + f.reason().label() + ")"));
        }
        return String.join(", ", parts);
    }

    /** A number with a French decimal comma and {@code digits} decimals: {@code 6,5}. */
    static String decimal(double value, int digits) {
        return String.format(Locale.FRANCE, "%." + digits + "f", value);
    }

    /** A share from 0 to 1 as a French percentage, {@code 37,5 %}; a dash for none. */
    static String percent(Double share) {
        return share == null ? NONE : decimal(share * 100, 1) + " %";
    }

    /** {@code 1 candidature}, {@code 2 candidatures}: French puts 0 and 1 in the singular. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n > 1 ? plural : singular);
    }

    /** {@code label :   value}, aligned, for the detail commands; a dash when there is no value. */
    static void line(PrintStream out, String label, Object value) {
        out.printf("%-28s %s%n", label + " :", text(value));
    }

    /** A free text under its heading, indented, each of its lines kept. */
    static void paragraph(PrintStream out, String heading, String value) {
        out.println(heading + " :");
        out.println("  " + (value == null || value.isBlank() ? NONE : value.strip().replace("\n", "\n  ")));
    }
}
