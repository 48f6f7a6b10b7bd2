package fr.opus.contacts.impl;

import fr.opus.contacts.api.JobSeeker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * The list of candidates an employer receives with a presentation (DOMAIN §4): the offer, who presents them, and one
 * line per candidate with how to reach them. A4, standard Helvetica (WinAnsi: other characters are replaced), page
 * numbers and the confidentiality notice in every footer.
 */
final class CandidateListDocument {

    private static final PDFont BOLD = PDType1Font.HELVETICA_BOLD;
    private static final PDFont REGULAR = PDType1Font.HELVETICA;
    private static final PDFont ITALIC = PDType1Font.HELVETICA_OBLIQUE;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 50;
    private static final float RIGHT = PAGE.getWidth() - 50;
    private static final float ROW = 16;
    private static final float[] COLUMNS = {LEFT, LEFT + 24, LEFT + 214, LEFT + 314};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));
    static final String NOTICE = "Données personnelles transmises pour le seul recrutement sur cette offre (loi"
            + " Informatique et Libertés, RGPD) : ne pas diffuser, détruire si aucune suite n'est donnée.";

    private CandidateListDocument() {
    }

    /**
     * @param offerLine   the offer's reference and title
     * @param presentedBy who presents: the counsellor and their partner, with how to reach them
     * @param message     the counsellor's word to the employer, or {@code null}
     */
    static byte[] render(String offerId, String offerLine, String presentedBy, String message, Instant at,
            List<JobSeeker> candidates) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Candidats présentés – offre " + offerId);
            info.setCreator("Opus");
            Calendar created = GregorianCalendar.from(at.atZone(ZoneId.of("Europe/Paris")));
            info.setCreationDate(created);
            List<PDPage> pages = new ArrayList<>();
            PDPage page = newPage(document, pages);
            PDPageContentStream s = new PDPageContentStream(document, page);
            float y = PAGE.getHeight() - 60;
            y = text(s, BOLD, 16, LEFT, y, "Candidats présentés pour votre offre");
            y = text(s, BOLD, 11, LEFT, y - 6, offerLine);
            y = text(s, REGULAR, 10, LEFT, y - 4, "Présentés le " + DAY.format(at) + " par " + presentedBy);
            if (message != null) {
                for (String line : wrap(message, ITALIC, 10, RIGHT - LEFT)) {
                    y = text(s, ITALIC, 10, LEFT, y - 2, line);
                }
            }
            y = text(s, REGULAR, 10, LEFT, y - 6, "Vous pouvez contacter directement les " + candidates.size()
                    + " candidat(s) ci-dessous, en rappelant la référence " + offerId + ".");
            y -= 10;
            y = header(s, y);
            int n = 0;
            for (JobSeeker candidate : candidates) {
                if (y < 80) {
                    s.close();
                    page = newPage(document, pages);
                    s = new PDPageContentStream(document, page);
                    y = header(s, PAGE.getHeight() - 60);
                }
                n++;
                String[] cells = {String.valueOf(n), candidate.lastName().toUpperCase(Locale.FRENCH) + " "
                        + candidate.firstName(), phone(candidate.phone()),
                        candidate.email() == null ? "" : candidate.email()};
                for (int i = 0; i < cells.length; i++) {
                    text(s, REGULAR, 9.5f, COLUMNS[i], y, fit(cells[i], REGULAR, 9.5f,
                            (i + 1 < COLUMNS.length ? COLUMNS[i + 1] : RIGHT) - COLUMNS[i] - 6));
                }
                y -= ROW;
            }
            s.close();
            int total = pages.size();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    float fy = 40;
                    for (String line : wrap(NOTICE, ITALIC, 7.5f, RIGHT - LEFT - 60)) {
                        text(footer, ITALIC, 7.5f, LEFT, fy, line);
                        fy -= 10;
                    }
                    text(footer, REGULAR, 7.5f, RIGHT - 40, 40, (i + 1) + " / " + total);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the candidate list", e);
        }
    }

    private static PDPage newPage(PDDocument document, List<PDPage> pages) {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        return page;
    }

    private static float header(PDPageContentStream s, float y) throws IOException {
        String[] titles = {"N°", "Nom et prénom", "Téléphone", "Courriel"};
        for (int i = 0; i < titles.length; i++) {
            text(s, BOLD, 9.5f, COLUMNS[i], y, titles[i]);
        }
        s.setLineWidth(0.5f);
        s.moveTo(LEFT, y - 4);
        s.lineTo(RIGHT, y - 4);
        s.stroke();
        return y - ROW - 2;
    }

    /** Writes one line; the next line's baseline. */
    private static float text(PDPageContentStream s, PDFont font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(printable(text, font));
        s.endText();
        return y - size * 1.4f;
    }

    private static String phone(String phone) {
        if (phone == null) {
            return "";
        }
        if (phone.matches("0[0-9]{9}")) {
            return phone.replaceAll("(\\d{2})(?=\\d)", "$1 ");
        }
        return phone;
    }

    /** The text cut with an ellipsis to fit the width. */
    private static String fit(String text, PDFont font, float size, float width) throws IOException {
        String t = printable(text, font);
        if (font.getStringWidth(t) / 1000 * size <= width) {
            return t;
        }
        while (!t.isEmpty() && font.getStringWidth(t + "...") / 1000 * size > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text, font).split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text with every character the font cannot encode replaced by '?'. */
    static String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\n') {
                out.append(ch);
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append(cp == '\u2019' ? "'" : "?");
            }
        });
        return out.toString();
    }
}
