package fr.opus.offers.impl;

import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferContent.Company;
import fr.opus.offers.api.OfferContent.Contact;
import fr.opus.offers.api.OfferContent.Salary;
import fr.opus.offers.api.OfferContent.SalaryComplement;
import fr.opus.offers.api.OfferContent.WorkContext;
import fr.opus.offers.api.OfferContent.Workplace;
import fr.opus.offers.api.PreselectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Renders the offer document (DOMAIN §3): the system-made "fiche offre", in French, that a partner hands each
 * candidate. What it shows of the employer follows the offer's diffusion mode through {@link Offer#published()}:
 * nominative offers show the company and its contact, visibility offers the company's name only, anonymous offers
 * neither; candidates of the last two apply through the managing partner, else through France Travail. Nothing about
 * the France Travail agent following the offer is ever printed.
 *
 * <p>The PDF uses the standard Helvetica fonts with WinAnsiEncoding (nothing embedded); characters outside that
 * encoding are replaced by a close equivalent or dropped. PDFBox's standard-14 font instances are shared and safe to
 * use from several threads, so one renderer serves concurrent calls.
 */
final class OfferDocumentRenderer {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", Locale.FRANCE);

    private static final Style DOCUMENT_TITLE = new Style(PDType1Font.HELVETICA_BOLD, 17, 0f);
    private static final Style OFFER_TITLE = new Style(PDType1Font.HELVETICA_BOLD, 14, 0f);
    private static final Style HEADING = new Style(PDType1Font.HELVETICA_BOLD, 12, 0.15f);
    private static final Style LABEL = new Style(PDType1Font.HELVETICA_BOLD, 9.5f, 0.25f);
    private static final Style BODY = new Style(PDType1Font.HELVETICA, 10, 0f);
    private static final Style EMPHASIS = new Style(PDType1Font.HELVETICA_BOLD, 10, 0f);
    private static final Style NOTE = new Style(PDType1Font.HELVETICA_OBLIQUE, 9, 0.35f);
    private static final Style FOOTER = new Style(PDType1Font.HELVETICA, 7.5f, 0.35f);

    private static final String FRANCE_TRAVAIL_APPLICATION =
            "Adressez votre candidature à France Travail en rappelant la référence de l'offre n° %s.";

    private final Clock clock;

    public OfferDocumentRenderer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The offer document of {@code offer}, as the bytes of a PDF file. */
    public byte[] render(Offer offer) {
        Objects.requireNonNull(offer, "offer");
        ZonedDateTime now = clock.instant().atZone(PARIS);
        try (PDDocument document = new PDDocument()) {
            describe(document, offer, now);
            try (Layout layout = new Layout(document)) {
                writeHeader(layout, offer, now);
                writeJob(layout, offer.content());
                writeDescription(layout, offer.content());
                writeProfile(layout, offer.content());
                writeEmployer(layout, offer);
                writeApplication(layout, offer);
            }
            stampFooters(document, offer);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the document of offer " + offer.id(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- metadata

    private static void describe(PDDocument document, Offer offer, ZonedDateTime now) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(join(" — ", "Offre d'emploi n° " + offer.id(), offer.content().title()));
        info.setSubject("Document de l'offre remis au candidat");
        info.setAuthor("Opus");
        info.setCreator("Opus");
        info.setCreationDate(GregorianCalendar.from(now));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage("fr-FR");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
    }

    // ---------------------------------------------------------------------------------------------- sections

    private static void writeHeader(Layout layout, Offer offer, ZonedDateTime now) throws IOException {
        OfferContent content = offer.content();
        layout.paragraph("Offre d'emploi n° " + offer.id(), DOCUMENT_TITLE);
        layout.paragraph("Document remis au candidat — édité le " + DAY_AND_TIME.format(now), NOTE);
        layout.gap(8);
        layout.paragraph(content.title(), OFFER_TITLE);
        layout.paragraph(join(", ", prefixed("publiée le ", day(content.creationDate())),
                prefixed("actualisée le ", day(content.updateDate()))), NOTE);
    }

    private static void writeJob(Layout layout, OfferContent content) throws IOException {
        layout.heading("Le poste");
        layout.row("Métier (ROME)", join(" — ", content.romeCode(), content.romeLabel()));
        layout.row("Appellation", content.appellationLabel());
        layout.row("Lieu de travail", workplace(content.workplace()));
        layout.row("Type de contrat", firstOf(content.contractTypeLabel(), content.contractType()));
        layout.row("Nature du contrat", content.contractNature());
        layout.row("Alternance", yes(content.workStudy()));
        layout.row("Durée du travail", join(" — ", content.workingHoursLabel(), content.workingTimeKind()));
        layout.row("Salaire", salary(content.salary()));
        layout.row("Conditions d'exercice", conditions(content));
        layout.row("Déplacements", content.travelLabel());
        layout.row("Postes à pourvoir", content.positions() == null ? null : content.positions().toString());
        layout.row("Accessible aux travailleurs handicapés", yes(content.disabilityAccessible()));
    }

    private static void writeDescription(Layout layout, OfferContent content) throws IOException {
        if (isBlank(content.description())) {
            return;
        }
        layout.heading("Description du poste");
        layout.paragraph(content.description(), BODY);
    }

    private static void writeProfile(Layout layout, OfferContent content) throws IOException {
        layout.heading("Profil recherché");
        layout.row("Expérience", items(withRequirement(content.experienceLabel(), content.experienceRequirement()),
                content.experienceComment()));
        layout.row("Qualification", content.qualificationLabel());
        layout.row("Formations", map(content.trainings(), t -> withRequirement(
                join(" — ", t.levelLabel(), t.domainLabel(), t.comment()), t.requirement())));
        layout.row("Permis", map(content.licences(), l -> withRequirement(l.label(), l.requirement(), "exigé",
                "souhaité")));
        layout.row("Langues", map(content.languages(), l -> withRequirement(l.label(), l.requirement())));
        layout.row("Compétences", map(content.skills(), s -> withRequirement(s.label(), s.requirement())));
        layout.row("Qualités professionnelles", map(content.professionalQualities(),
                q -> join(" : ", q.label(), q.description())));
        layout.row("Outils bureautiques", content.officeTools());
    }

    private static void writeEmployer(Layout layout, Offer offer) throws IOException {
        OfferContent shown = offer.published();
        Company company = offer.diffusion() == Diffusion.ANONYMOUS ? null : shown.company();
        layout.heading("L'employeur");
        layout.row("Entreprise", company == null || isBlank(company.name())
                ? "Entreprise non communiquée" : company.name());
        if (offer.diffusion() == Diffusion.NOMINATIVE && company != null) {
            layout.row("Présentation", company.description());
            layout.row("Site internet", company.url());
        }
        layout.row("Secteur d'activité", shown.sectorLabel());
        layout.row("Entreprise adaptée", yes(shown.adaptedCompany()));
        layout.row("Employeur handi-engagé", yes(shown.disabilityCommittedEmployer()));
    }

    private static void writeApplication(Layout layout, Offer offer) throws IOException {
        layout.heading("Comment postuler");
        if (offer.preselection() != null) {
            layout.paragraph("Offre avec présélection (" + preselection(offer.preselection()) + ")", EMPHASIS);
            layout.paragraph("Les candidats sont proposés à l'employeur par leur conseiller : parlez de cette offre "
                    + "avec le vôtre avant toute démarche.", BODY);
            layout.gap(4);
        }
        Contact contact = offer.published().contact();
        if (contact == null) {
            layout.paragraph(String.format(FRANCE_TRAVAIL_APPLICATION, offer.id()), BODY);
        } else {
            layout.paragraph(applicationIntro(offer.diffusion()), BODY);
            layout.gap(2);
            writeContact(layout, contact);
        }
        layout.row("Référence à rappeler", offer.id());
        ManagingPartner partner = offer.managingPartner();
        if (offer.diffusion() == Diffusion.NOMINATIVE && partner != null) {
            layout.row("Offre suivie par", items(partner.name(), partner.phone(), partner.email()));
        }
    }

    private static String applicationIntro(Diffusion diffusion) {
        return switch (diffusion) {
            case NOMINATIVE -> "Présentez votre candidature directement à l'employeur.";
            case VISIBILITY -> "L'employeur ne communique pas ses coordonnées.";
            case ANONYMOUS -> "L'employeur a choisi de ne pas être nommé.";
        };
    }

    private static void writeContact(Layout layout, Contact contact) throws IOException {
        layout.row("Contact", contact.name());
        layout.row("Adresse", join(", ", contact.address1(), contact.address2(), contact.address3()));
        layout.row("Téléphone", contact.phone());
        layout.row("Courriel", contact.email());
        layout.row("Postuler en ligne", contact.applicationUrl());
        layout.row("Site du recruteur", contact.recruiterUrl());
        layout.row("Précisions", contact.comment());
    }

    private static void stampFooters(PDDocument document, Offer offer) throws IOException {
        int count = document.getNumberOfPages();
        String notice = "Document établi par Opus à partir de l'offre n° " + offer.id()
                + " de France Travail. Il ne doit pas être modifié.";
        for (int index = 0; index < count; index++) {
            PDPage page = document.getPage(index);
            try (PDPageContentStream stream = new PDPageContentStream(document, page, AppendMode.APPEND, true,
                    true)) {
                Layout.rule(stream, Layout.FOOTER_TOP);
                Layout.show(stream, winAnsi(notice), FOOTER, Layout.LEFT, Layout.FOOTER_TOP - 11);
                String number = "Opus — page " + (index + 1) + "/" + count;
                Layout.show(stream, number, FOOTER, Layout.RIGHT - FOOTER.width(number), Layout.FOOTER_TOP - 21);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- wording

    private static String workplace(Workplace workplace) {
        if (workplace == null) {
            return null;
        }
        String label = workplace.label();
        if (isBlank(label) || workplace.postalCode() == null || label.contains(workplace.postalCode())) {
            return firstOf(label, workplace.postalCode());
        }
        return label + " (" + workplace.postalCode() + ")";
    }

    private static List<String> salary(Salary salary) {
        if (salary == null) {
            return List.of();
        }
        String complements = join(", ", salary.complements().stream().map(SalaryComplement::label)
                .toArray(String[]::new));
        return items(salary.label(), salary.comment(), salary.complement1(), salary.complement2(),
                prefixed("Compléments : ", complements));
    }

    private static List<String> conditions(OfferContent content) {
        WorkContext context = content.workContext();
        List<String> lines = new ArrayList<>();
        lines.add(content.exerciseCondition());
        lines.add(content.exerciseComplement());
        if (context != null) {
            lines.addAll(context.hours());
            lines.addAll(context.conditions());
        }
        return lines;
    }

    private static String preselection(PreselectionLevel level) {
        return switch (level) {
            case VERIFICATION -> "vérification";
            case ENDORSEMENT -> "valorisation";
            case ASSESSMENT -> "évaluation";
        };
    }

    /** A label followed by "exigée" or "souhaitée" for France Travail's requirement codes {@code E} and {@code S}. */
    private static String withRequirement(String label, String code) {
        return withRequirement(label, code, "exigée", "souhaitée");
    }

    private static String withRequirement(String label, String code, String required, String wished) {
        String requirement = "E".equals(code) ? required : "S".equals(code) ? wished : null;
        return isBlank(label) || requirement == null ? label : label + " (" + requirement + ")";
    }

    private static String day(String isoInstant) {
        if (isBlank(isoInstant)) {
            return null;
        }
        try {
            return DAY.format(Instant.parse(isoInstant).atZone(PARIS));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String yes(Boolean flag) {
        return Boolean.TRUE.equals(flag) ? "oui" : null;
    }

    private static <T> List<String> map(List<T> items, Function<T, String> format) {
        return items.stream().map(format).collect(Collectors.toList());
    }

    private static String join(String separator, String... parts) {
        String joined = Arrays.stream(parts).filter(part -> !isBlank(part)).map(String::strip)
                .collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    private static String prefixed(String prefix, String value) {
        return isBlank(value) ? null : prefix + value;
    }

    private static String firstOf(String first, String second) {
        return isBlank(first) ? second : first;
    }

    /** The values of one row, nulls included: {@link Layout#row} leaves out the blank ones. */
    private static List<String> items(String... values) {
        return Arrays.asList(values);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    // ---------------------------------------------------------------------------------------------- WinAnsi

    private static final Map<Integer, String> SUBSTITUTES = Map.ofEntries(
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2212, "-"),
            Map.entry(0x2015, "—"), Map.entry(0x2032, "'"), Map.entry(0x2033, "\""), Map.entry(0x02BC, "'"),
            Map.entry(0x2264, "<="), Map.entry(0x2265, ">="), Map.entry(0x2260, "!="),
            Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x202F, "\u00A0"),
            Map.entry(0x2007, "\u00A0"), Map.entry(0x0142, "l"), Map.entry(0x0141, "L"), Map.entry(0x0111, "d"),
            Map.entry(0x0110, "D"), Map.entry(0x0131, "i"));

    /**
     * {@code text} restricted to what WinAnsiEncoding can show: characters it holds are kept (é, œ, ’, €, …),
     * others become a close equivalent (a dash, a letter without its accent, "fi" for the ligature) or are dropped
     * (emoji, control characters, soft hyphens).
     */
    static String winAnsi(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> out.append(winAnsi(c)));
        return out.toString();
    }

    private static String winAnsi(int codePoint) {
        if (codePoint == '\t') {
            return " ";
        }
        if (Character.isISOControl(codePoint) || codePoint == 0xAD) {
            return "";
        }
        if (encodable(codePoint)) {
            return Character.toString(codePoint);
        }
        String substitute = SUBSTITUTES.get(codePoint);
        if (substitute != null) {
            return substitute;
        }
        StringBuilder decomposed = new StringBuilder();
        Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD).codePoints()
                .filter(c -> !Character.isISOControl(c) && encodable(c)).forEach(decomposed::appendCodePoint);
        return decomposed.toString();
    }

    private static boolean encodable(int codePoint) {
        if (codePoint >= 0x20 && codePoint < 0x7F) {
            return true;
        }
        try {
            BODY.font().encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------- layout

    /** A font, its size and its grey level (0 black, 1 white). */
    private record Style(PDFont font, float size, float gray) {

        float leading() {
            return size * 1.35f;
        }

        float width(String text) throws IOException {
            return font.getStringWidth(text) / 1000f * size;
        }
    }

    /** One line of a value column, shifted right under a bullet. */
    private record Line(String text, float indent) {
    }

    /**
     * Writes wrapped text down A4 pages, opening a new page when the next line would run into the footer area:
     * full-width paragraphs, section headings kept with what follows, and label/value rows in two columns.
     */
    private static final class Layout implements Closeable {

        static final PDRectangle PAGE = PDRectangle.A4;
        static final float LEFT = 56;
        static final float RIGHT = PAGE.getWidth() - 56;
        static final float TOP = PAGE.getHeight() - 50;
        static final float FOOTER_TOP = 52;
        static final float BOTTOM = FOOTER_TOP + 14;
        static final float LABEL_WIDTH = 138;
        static final float VALUE_LEFT = LEFT + LABEL_WIDTH + 10;
        static final String BULLET = "• ";

        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument document) {
            this.document = document;
        }

        /** Text over the full width; line breaks in it start new lines. Nothing for a blank text. */
        void paragraph(String text, Style style) throws IOException {
            if (isBlank(text)) {
                return;
            }
            for (String line : wrap(text, style, RIGHT - LEFT)) {
                advance(style.leading());
                show(stream, line, style, LEFT, y);
            }
        }

        /** A section title with a rule under it, moved to the next page unless a few lines fit after it. */
        void heading(String text) throws IOException {
            gap(10);
            if (stream != null && y - HEADING.leading() - 4 * BODY.leading() < BOTTOM) {
                newPage();
            }
            paragraph(text, HEADING);
            y -= 4;
            rule(stream, y);
            y -= 4;
        }

        /** A label and its value side by side; nothing when the value is blank. */
        void row(String label, String value) throws IOException {
            row(label, value == null ? List.of() : List.of(value));
        }

        /** A label and its values side by side, one bulleted item per value when there are several. */
        void row(String label, List<String> values) throws IOException {
            List<String> items = values.stream().filter(value -> !isBlank(value)).toList();
            if (items.isEmpty()) {
                return;
            }
            List<String> labelLines = wrap(label, LABEL, LABEL_WIDTH);
            List<Line> valueLines = valueLines(items);
            for (int i = 0; i < Math.max(labelLines.size(), valueLines.size()); i++) {
                advance(BODY.leading());
                if (i < labelLines.size()) {
                    show(stream, labelLines.get(i), LABEL, LEFT, y);
                }
                if (i < valueLines.size()) {
                    show(stream, valueLines.get(i).text(), BODY, VALUE_LEFT + valueLines.get(i).indent(), y);
                }
            }
            y -= 3;
        }

        void gap(float height) {
            y -= height;
        }

        private List<Line> valueLines(List<String> items) throws IOException {
            float width = RIGHT - VALUE_LEFT;
            if (items.size() == 1) {
                return wrap(items.get(0), BODY, width).stream().map(text -> new Line(text, 0)).toList();
            }
            float indent = BODY.width(BULLET);
            List<Line> lines = new ArrayList<>();
            for (String item : items) {
                List<String> wrapped = wrap(item, BODY, width - indent);
                for (int i = 0; i < wrapped.size(); i++) {
                    lines.add(i == 0 ? new Line(BULLET + wrapped.get(i), 0) : new Line(wrapped.get(i), indent));
                }
            }
            return lines;
        }

        /** Moves down one line of {@code height}, on a new page when it would enter the footer area. */
        private void advance(float height) throws IOException {
            if (stream == null || y - height < BOTTOM) {
                newPage();
            }
            y -= height;
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = TOP;
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }

        static void show(PDPageContentStream stream, String text, Style style, float x, float y)
                throws IOException {
            stream.beginText();
            stream.setFont(style.font(), style.size());
            stream.setNonStrokingColor(style.gray());
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }

        static void rule(PDPageContentStream stream, float y) throws IOException {
            stream.setStrokingColor(0.6f);
            stream.setLineWidth(0.5f);
            stream.moveTo(LEFT, y);
            stream.lineTo(RIGHT, y);
            stream.stroke();
        }

        /**
         * {@code text} made WinAnsi-safe and cut into lines no wider than {@code width}: at its own line breaks
         * (runs of blank lines kept as one), then between words, and inside a word too long for a line.
         */
        static List<String> wrap(String text, Style style, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.strip().split("\\R")) {
                String words = winAnsi(paragraph).strip();
                if (words.isEmpty()) {
                    if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
                        lines.add("");
                    }
                    continue;
                }
                wrapParagraph(words, style, width, lines);
            }
            return lines;
        }

        private static void wrapParagraph(String paragraph, Style style, float width, List<String> lines)
                throws IOException {
            float space = style.width(" ");
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : paragraph.split(" +")) {
                float wordWidth = style.width(word);
                if (line.length() > 0 && lineWidth + space + wordWidth <= width) {
                    line.append(' ').append(word);
                    lineWidth += space + wordWidth;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                String rest = word;
                while (style.width(rest) > width) {
                    int cut = fittingLength(rest, style, width);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
                lineWidth = style.width(rest);
            }
            lines.add(line.toString());
        }

        /** How many leading characters of {@code word} fit in {@code width} (at least one). */
        private static int fittingLength(String word, Style style, float width) throws IOException {
            int length = 1;
            while (length < word.length() && style.width(word.substring(0, length + 1)) <= width) {
                length++;
            }
            return length;
        }
    }
}
