package fr.opus.offers.impl;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.Correspondent;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferContent.Company;
import fr.opus.offers.api.OfferContent.Contact;
import fr.opus.offers.api.OfferContent.Language;
import fr.opus.offers.api.OfferContent.Licence;
import fr.opus.offers.api.OfferContent.ProfessionalQuality;
import fr.opus.offers.api.OfferContent.Salary;
import fr.opus.offers.api.OfferContent.Skill;
import fr.opus.offers.api.OfferContent.Training;
import fr.opus.offers.api.OfferContent.Workplace;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.SupportLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfferDocumentRendererTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:30:00Z");
    private static final String ID = "201WLXK";
    private static final String COMPANY = "Atelier Numérique des Pentes";
    private static final String COMPANY_SITE = "https://atelier-pentes.example";
    private static final String CONTACT_NAME = "Mme Camille Ferrand";
    private static final String CONTACT_PHONE = "04 72 10 20 30";
    private static final String CONTACT_EMAIL = "recrutement@atelier-pentes.example";
    private static final String APPLICATION_URL = "https://atelier-pentes.example/postuler";
    private static final Correspondent CORRESPONDENT = new Correspondent("Julien Marchetti",
            "julien.marchetti@agence.example", "01 40 50 60 70", "69031", "Agence de Lyon Part-Dieu");
    private static final ManagingPartner PARTNER = new ManagingPartner("69123", "Mission Locale des Berges",
            "offres@ml-berges.example", "04 78 11 22 33");

    private final OfferDocumentRenderer renderer = new OfferDocumentRenderer(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void producesAPdfFile() throws IOException {
        byte[] pdf = renderer.render(offer(Diffusion.NOMINATIVE, null, null));

        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument document = PDDocument.load(pdf)) {
            assertEquals(1, document.getNumberOfPages());
        }
    }

    @Test
    void writesTheOfferInFrench() {
        String text = text(renderer.render(offer(Diffusion.NOMINATIVE, null, null)));

        assertAll(
                () -> assertContains(text, "Offre d'emploi n° 201WLXK"),
                () -> assertContains(text, "Document remis au candidat — édité le 14/03/2025 à 10h30"),
                () -> assertContains(text, "Développeur / Développeuse Java (H/F)"),
                () -> assertContains(text, "M1805 — Études et développement informatique"),
                () -> assertContains(text, "69 - LYON 03"),
                () -> assertContains(text, "Contrat à durée indéterminée"),
                () -> assertContains(text, "Mensuel de 2 400 à 2 900 euros sur 12 mois"),
                () -> assertContains(text, "Bac+2 ou équivalents — Informatique (exigée)"),
                () -> assertContains(text, "B - Véhicule léger (souhaité)"),
                () -> assertContains(text, "Concevoir une application web (exigée)"),
                () -> assertContains(text, "Travail en équipe : capacité à cœur ouvert"),
                () -> assertContains(text, "Vous mettrez en œuvre les évolutions demandées par nos clients"),
                () -> assertFalse(text.contains("présélection"), "no preselection mentioned"));
    }

    @Test
    void nominativeShowsTheCompanyAndItsContact() {
        String text = text(renderer.render(offer(Diffusion.NOMINATIVE, null, null)));

        assertAll(
                () -> assertContains(text, COMPANY),
                () -> assertContains(text, COMPANY_SITE),
                () -> assertContains(text, CONTACT_NAME),
                () -> assertContains(text, "12 rue des Tisserands, 69003 LYON 03"),
                () -> assertContains(text, CONTACT_PHONE),
                () -> assertContains(text, CONTACT_EMAIL),
                () -> assertContains(text, APPLICATION_URL));
    }

    @Test
    void nominativeNamesTheManagingPartnerThatFollowsTheOffer() {
        String text = text(renderer.render(offer(Diffusion.NOMINATIVE, null, PARTNER)));

        assertAll(
                () -> assertContains(text, CONTACT_EMAIL),
                () -> assertContains(text, "Offre suivie par"),
                () -> assertContains(text, PARTNER.name()),
                () -> assertContains(text, PARTNER.email()));
    }

    @Test
    void visibilityShowsTheCompanyNameButNotHowToReachIt() {
        String text = text(renderer.render(offer(Diffusion.VISIBILITY, null, null)));

        assertAll(
                () -> assertContains(text, COMPANY),
                () -> assertEmployerContactAbsent(text),
                () -> assertFalse(text.contains("atelier-pentes"), "no company URL nor e-mail"),
                () -> assertContains(text, "Candidature à adresser à France Travail, en rappelant la référence de "
                        + "l'offre 201WLXK"));
    }

    @Test
    void visibilitySendsCandidatesToTheManagingPartner() {
        String text = text(renderer.render(offer(Diffusion.VISIBILITY, null, PARTNER)));

        assertAll(
                () -> assertContains(text, COMPANY),
                () -> assertEmployerContactAbsent(text),
                () -> assertContains(text, PARTNER.name()),
                () -> assertContains(text, PARTNER.phone()),
                () -> assertContains(text, PARTNER.email()));
    }

    @Test
    void anonymousShowsNeitherTheCompanyNorItsContact() {
        String text = text(renderer.render(offer(Diffusion.ANONYMOUS, null, null)));

        assertAll(
                () -> assertContains(text, "Entreprise non communiquée"),
                () -> assertFalse(text.contains(COMPANY), "company name"),
                () -> assertFalse(text.contains("Numérique des Pentes"), "company name"),
                () -> assertFalse(text.contains("atelier-pentes"), "company URL or e-mail"),
                () -> assertFalse(text.contains("PME lyonnaise"), "company description"),
                () -> assertEmployerContactAbsent(text),
                () -> assertContains(text, "Candidature à adresser à France Travail, en rappelant la référence de "
                        + "l'offre 201WLXK"));
    }

    @Test
    void anonymousSendsCandidatesToTheManagingPartner() {
        String text = text(renderer.render(offer(Diffusion.ANONYMOUS, null, PARTNER)));

        assertAll(
                () -> assertContains(text, "Entreprise non communiquée"),
                () -> assertFalse(text.contains(COMPANY), "company name"),
                () -> assertFalse(text.contains("atelier-pentes"), "company URL or e-mail"),
                () -> assertEmployerContactAbsent(text),
                () -> assertContains(text, PARTNER.name()),
                () -> assertContains(text, PARTNER.phone()),
                () -> assertContains(text, PARTNER.email()));
    }

    @ParameterizedTest
    @EnumSource(Diffusion.class)
    void neverShowsTheFranceTravailCorrespondent(Diffusion diffusion) {
        String text = text(renderer.render(offer(diffusion, PreselectionLevel.VERIFICATION, PARTNER)));

        assertAll(
                () -> assertFalse(text.contains("Marchetti"), "correspondent's name"),
                () -> assertFalse(text.contains(CORRESPONDENT.email()), "correspondent's e-mail"),
                () -> assertFalse(text.contains(CORRESPONDENT.phone()), "correspondent's phone"),
                () -> assertFalse(text.contains(CORRESPONDENT.agencyName()), "correspondent's agency"));
    }

    @Test
    void announcesPreselectionAndTheCounsellorsRole() {
        String text = text(renderer.render(offer(Diffusion.ANONYMOUS, PreselectionLevel.ENDORSEMENT, null)));

        assertAll(
                () -> assertContains(text, "Offre avec présélection (valorisation)"),
                () -> assertContains(text, "Les candidats sont proposés à l'employeur par leur conseiller"));
    }

    @Test
    void breaksALongDescriptionOverSeveralPagesWithoutLosingAWord() throws IOException {
        List<String> words = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (int i = 0; description.length() < 20_000; i++) {
            String word = String.format("élément%04d", i);
            words.add(word);
            description.append(word).append(i % 60 == 59 ? "\n\n" : " ");
        }
        byte[] pdf = renderer.render(offer(Diffusion.NOMINATIVE, null, null,
                b -> b.description(description.toString())));

        try (PDDocument document = PDDocument.load(pdf)) {
            assertTrue(document.getNumberOfPages() >= 4, "pages: " + document.getNumberOfPages());
        }
        List<String> printed = Arrays.stream(text(pdf).split("\\s+"))
                .filter(word -> word.matches("élément\\d{4}"))
                .toList();
        assertEquals(words, printed);
    }

    @Test
    void printsTheFooterWithPageNumberAndNoAlterationNoticeOnEveryPage() throws IOException {
        byte[] pdf = renderer.render(offer(Diffusion.NOMINATIVE, null, null, b -> b.description("mot ".repeat(6000))));

        try (PDDocument document = PDDocument.load(pdf)) {
            int count = document.getNumberOfPages();
            assertTrue(count > 1, "pages: " + count);
            for (int page = 1; page <= count; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertContains(text, "Opus — page " + page + "/" + count);
                assertContains(text, "Il ne doit pas être modifié.");
            }
        }
    }

    @Test
    void setsTheDocumentMetadata() throws IOException {
        try (PDDocument document = PDDocument.load(renderer.render(offer(Diffusion.NOMINATIVE, null, null)))) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertAll(
                    () -> assertEquals("Offre d'emploi n° 201WLXK — Développeur / Développeuse Java (H/F)",
                            info.getTitle()),
                    () -> assertEquals("Opus", info.getAuthor()),
                    () -> assertEquals(NOW, info.getCreationDate().toInstant()),
                    () -> assertEquals("fr-FR", document.getDocumentCatalog().getLanguage()));
        }
    }

    @Test
    void replacesOrDropsWhatWinAnsiCannotShow() {
        String title = "Chef de cuisine \uD83C\uDF73 cœur d’équipe ≥ 3 ans à Łódź\u202F!";

        String text = text(renderer.render(offer(Diffusion.NOMINATIVE, null, null, b -> b.title(title))));

        assertContains(text, "Chef de cuisine cœur d’équipe >= 3 ans à Lódz");
        assertFalse(text.contains("\uD83C\uDF73"), "emoji dropped");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertEmployerContactAbsent(String text) {
        assertAll(
                () -> assertFalse(text.contains("Ferrand"), "contact name"),
                () -> assertFalse(text.contains(CONTACT_PHONE), "contact phone"),
                () -> assertFalse(text.contains(CONTACT_EMAIL), "contact e-mail"),
                () -> assertFalse(text.contains(APPLICATION_URL), "application URL"),
                () -> assertFalse(text.contains("Tisserands"), "contact address"));
    }

    /** Checks {@code expected} in {@code text}, whatever line breaks the layout put between its words. */
    private static void assertContains(String text, String expected) {
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains(expected), () -> "expected «" + expected + "» in:\n" + text);
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Offer offer(Diffusion diffusion, PreselectionLevel preselection, ManagingPartner partner) {
        return offer(diffusion, preselection, partner, Function.identity());
    }

    private static Offer offer(Diffusion diffusion, PreselectionLevel preselection, ManagingPartner partner,
            Function<OfferContent.Builder, OfferContent.Builder> change) {
        OfferContent.Builder content = OfferContent.builder()
                .id(ID)
                .title("Développeur / Développeuse Java (H/F)")
                .description("Au sein d'une équipe de six personnes, vous participez à la conception du produit.\n"
                        + "Vous mettrez en œuvre les évolutions demandées par nos clients.")
                .creationDate("2025-03-10T08:15:00.000Z")
                .updateDate("2025-03-12T16:01:23.690Z")
                .workplace(new Workplace("69 - LYON 03", 45.76, 4.85, "69003", "69383"))
                .romeCode("M1805")
                .romeLabel("Études et développement informatique")
                .appellationLabel("Développeur / Développeuse informatique")
                .company(new Company(COMPANY, "PME lyonnaise spécialisée dans les applications métier.", null,
                        COMPANY_SITE, false))
                .contact(new Contact(CONTACT_NAME, "12 rue des Tisserands", "69003 LYON 03", null, CONTACT_PHONE,
                        CONTACT_EMAIL, null, null, APPLICATION_URL))
                .contractType("CDI")
                .contractTypeLabel("Contrat à durée indéterminée")
                .contractNature("Contrat travail")
                .workingHoursLabel("35H Horaires normaux")
                .workingTimeKind("Temps plein")
                .salary(new Salary("Mensuel de 2 400 à 2 900 euros sur 12 mois", null, null, null, List.of()))
                .experienceLabel("2 An(s)")
                .experienceRequirement("E")
                .qualification("7", "Technicien")
                .trainings(List.of(new Training("31054", "Informatique", "Bac+2 ou équivalents", null, "E")))
                .licences(List.of(new Licence("B - Véhicule léger", "S")))
                .languages(List.of(new Language("Anglais", "S")))
                .skills(List.of(new Skill("123", "Concevoir une application web", "E")))
                .professionalQualities(List.of(new ProfessionalQuality("Travail en équipe",
                        "capacité à cœur ouvert")))
                .naf("62.01Z", "62", "Programmation informatique");
        return new Offer(ID, OfferStatus.ACTIVE, 3, NOW, diffusion, SupportLevel.ACCOMPANIMENT, preselection,
                CORRESPONDENT, partner, "38971", change.apply(content).build(), null);
    }
}
