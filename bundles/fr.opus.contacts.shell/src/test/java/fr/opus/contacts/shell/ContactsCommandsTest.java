package fr.opus.contacts.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.Indicators;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Presentation.Delivery;
import fr.opus.contacts.api.Presentations;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.testing.Fake;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.action.Command;
import org.junit.jupiter.api.Test;

class ContactsCommandsTest {

    private static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), null);
    private static final Caller COUNSELLOR = new Caller("c-1", "lmartin", Role.COUNSELLOR, "p-1", "conv-1", "84",
            Set.of("consultation-offres"), Set.of(), null);
    private static final Instant CREATED = Instant.parse("2026-11-02T08:30:00Z");
    private static final Instant ANSWERED = Instant.parse("2026-11-05T14:00:00Z");
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private final Fake<Referrals> referrals = Fake.of(Referrals.class);
    private final Fake<Presentations> presentations = Fake.of(Presentations.class);
    private final Fake<Indicators> indicators = Fake.of(Indicators.class);

    /** Runs the command in a shell session whose subject holds {@code caller} (none: anonymous); out and err. */
    private static String run(Caller caller, OperatorCommand command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        if (caller != null) {
            subject.getPrincipals().add(caller);
        }
        Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
            command.run(stream, stream);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Referral referral(String id, String partner, ReferralState state, RejectionReason reason) {
        List<ReferralEvent> history = state == ReferralState.SENT
                ? List.of(new ReferralEvent(CREATED, "lmartin", null, ReferralState.SENT, null, "Profil adapté"))
                : List.of(new ReferralEvent(CREATED, "lmartin", null, ReferralState.SENT, null, "Profil adapté"),
                        new ReferralEvent(ANSWERED, "agent.ft", ReferralState.SENT, state, reason,
                                "Retour de l'employeur"));
        return new Referral(id, ReferralKind.CONTACT, "201WLXK", "js-" + id, partner, "c-1", state, reason, CREATED,
                history.get(history.size() - 1).at(), history);
    }

    private ReferralShowCommand referralShow(String id) {
        ReferralShowCommand command = new ReferralShowCommand();
        command.referrals = referrals.service();
        command.referralId = id;
        return command;
    }

    private ReferralListCommand referralList(String offer) {
        ReferralListCommand command = new ReferralListCommand();
        command.referrals = referrals.service();
        command.offerId = offer;
        return command;
    }

    private PresentationShowCommand presentationShow(String id) {
        PresentationShowCommand command = new PresentationShowCommand();
        command.presentations = presentations.service();
        command.presentationId = id;
        return command;
    }

    private IndicatorsCommand indicatorsCommand() {
        IndicatorsCommand command = new IndicatorsCommand();
        command.indicators = indicators.service();
        // 15 November 2026 at 00:30 in Paris, still the 14th in UTC: the default period follows Paris
        command.clock = Clock.fixed(Instant.parse("2026-11-14T23:30:00Z"), Texts.PARIS);
        return command;
    }

    private Fake<Indicators> someFigures() {
        return indicators.on("activity", args -> List.of(
                        new PlacementActivity("partner-a", (LocalDate) args[1], (LocalDate) args[2], 4, 2, 1, 3, 2, 1,
                                1, 3),
                        new PlacementActivity("partner-b", (LocalDate) args[1], (LocalDate) args[2], 1, 0, 0, 0, 0, 0,
                                0, 1)))
                .on("tripartite", args -> new TripartiteIndicators((String) args[3], (LocalDate) args[1],
                        (LocalDate) args[2], 8, 3, 4, 1, 6.5));
    }

    @Test
    void referralShowPrintsTheActAndItsHistoryInFrenchOldestFirst() {
        referrals.returns("referral", referral("ref-1", "partner-a", ReferralState.NOT_RETAINED,
                RejectionReason.EXPERIENCE_INSUFFICIENT));

        String out = run(OPERATOR, referralShow(" ref-1 "));

        assertEquals(List.of(OPERATOR, "ref-1"), referrals.only("referral").args());
        assertTrue(out.startsWith("Acte ref-1 : mise en contact"), out);
        assertTrue(out.contains("non retenu"), out);
        assertTrue(out.contains("Expérience insuffisante pour ce poste"), out);
        assertTrue(out.contains("02/11/2026 09:30"), "Paris time: " + out);
        int creation = out.indexOf("création");
        int answer = out.indexOf("Retour de l'employeur");
        assertTrue(creation > 0 && answer > creation, "history oldest first: " + out);
        assertTrue(out.contains("agent.ft"), out);
    }

    @Test
    void referralListShowsEveryPartnersActsOnTheOfferAndCountsTheOpenOnes() {
        referrals.returns("onOffer", List.of(referral("ref-1", "partner-a", ReferralState.SENT, null),
                referral("ref-2", "partner-b", ReferralState.HIRED, null)));

        String out = run(OPERATOR, referralList(" 201WLXK "));

        assertEquals(List.of(OPERATOR, "201WLXK"), referrals.only("onOffer").args());
        assertTrue(out.contains("partner-a") && out.contains("partner-b"), out);
        assertTrue(out.contains("transmise") && out.contains("recruté"), out);
        assertTrue(out.contains("2 actes sur l'offre 201WLXK, dont 1 en cours"), out);
    }

    @Test
    void referralListSaysWhenTheOfferHasNoAct() {
        referrals.returns("onOffer", List.of());

        String out = run(OPERATOR, referralList("201WLXK"));

        assertTrue(out.contains("Aucun acte sur l'offre 201WLXK."), out);
    }

    @Test
    void presentationShowTellsWhereTheEmployersMailAndEachNoticeStand() {
        presentations.returns("presentation", new Presentation("pres-1", "201WLXK", "partner-a", "c-1", CREATED,
                "france-travail", new Delivery(Delivery.Status.SENT, 1, ANSWERED, null), List.of(
                        new Presentation.Candidate("js-1", "ref-1", "Camille", "Dupont", Channel.EMAIL,
                                new Delivery(Delivery.Status.FAILED, 12, null, "550 boîte inconnue")),
                        new Presentation.Candidate("js-2", "ref-2", "Noé", "Martin", Channel.SMS,
                                new Delivery(Delivery.Status.TO_RELAY, 0, null, null)),
                        new Presentation.Candidate("js-3", "ref-3", "Inès", "Bernard", Channel.EMAIL,
                                new Delivery(Delivery.Status.PENDING, 2, null, "421 réessayez plus tard")))));

        String out = run(OPERATOR, presentationShow("pres-1"));

        assertEquals(List.of(OPERATOR, "pres-1"), presentations.only("presentation").args());
        assertTrue(out.startsWith("Présentation pres-1 : 3 candidats"), out);
        assertTrue(out.contains("France Travail, qui relaie à l'employeur"), out);
        assertTrue(out.contains("envoyé le 05/11/2026 15:00"), out);
        assertTrue(out.contains("Camille Dupont") && out.contains("échec (12 essais)"), out);
        assertTrue(out.contains("550 boîte inconnue"), out);
        assertTrue(out.contains("SMS") && out.contains("à transmettre par le conseiller"), out);
        assertTrue(out.contains("en attente (2 essais)"), out);
    }

    @Test
    void indicatorsDefaultToThisMonthInParisAndShowTotalsAndFrenchShares() {
        someFigures();

        String out = run(OPERATOR, indicatorsCommand());

        assertEquals(Arrays.asList(OPERATOR, NOV_1, LocalDate.of(2026, 11, 15), null),
                indicators.calls.get(0).args());
        assertEquals("tripartite", indicators.calls.get(1).method());
        assertTrue(out.contains("Activité du 01/11/2026 au 15/11/2026, toutes structures"), out);
        assertTrue(out.contains("Total"), out);
        assertTrue(out.matches("(?s).*Total\\D+5\\D+2\\D+1\\D+3\\D+2\\D+1\\D+1\\D+4.*"), out);
        assertTrue(out.contains("3 (37,5 %)"), "French decimal comma: " + out);
        assertTrue(out.contains("1 (25,0 %)"), out);
        assertTrue(out.contains("6,5 jours"), out);
    }

    @Test
    void indicatorsForOnePartnerAndAnExplicitPeriod() {
        indicators.returns("activity", List.of())
                .returns("tripartite", new TripartiteIndicators("partner-a", NOV_1, NOV_30, 0, 0, 0, 0, null));
        IndicatorsCommand command = indicatorsCommand();
        command.from = "2026-11-01";
        command.to = "2026-11-30";
        command.partnerId = " partner-a ";

        String out = run(OPERATOR, command);

        assertEquals(List.of(OPERATOR, NOV_1, NOV_30, "partner-a"), indicators.calls.get(0).args());
        assertEquals(List.of(OPERATOR, NOV_1, NOV_30, "partner-a"), indicators.calls.get(1).args());
        assertTrue(out.contains("structure partner-a"), out);
        assertTrue(out.contains("Aucun acte sur la période."), out);
        assertFalse(out.contains("%"), "no share without offers: " + out);
        assertTrue(out.matches("(?s).*Délai moyen de satisfaction :\\s+—.*"), out);
    }

    @Test
    void indicatorsAsCsvAreTheActivityLinesUnderTheAgreedHeader() {
        someFigures();
        IndicatorsCommand command = indicatorsCommand();
        command.from = "2026-11-01";
        command.to = "2026-11-30";
        command.csv = true;

        String out = run(OPERATOR, command);

        assertEquals(List.of(
                "partenaire;du;au;mises_en_contact;mises_en_relation;convocations;presentations;recrutes;non_retenus;"
                        + "sans_reponse;en_cours",
                "partner-a;2026-11-01;2026-11-30;4;2;1;3;2;1;1;3",
                "partner-b;2026-11-01;2026-11-30;1;0;0;0;0;0;0;1"), out.lines().toList());
        assertEquals(1, indicators.calls.size(), "the CSV holds the activity only");
    }

    @Test
    void theTripartiteCsvIsRestsWithThreeDecimalsACommaAndTousForEveryPartner() {
        someFigures();
        IndicatorsCommand command = indicatorsCommand();
        command.from = "2026-11-01";
        command.to = "2026-11-30";
        command.csv = true;
        command.tripartiteOnly = true;

        String out = run(OPERATOR, command);

        assertEquals(List.of(
                "partenaire;du;au;offres;offres_contact_direct;part_contact_direct;offres_preselection;"
                        + "offres_preselection_satisfaites_mer;part_satisfaites_mer;delai_moyen_jours",
                "tous;2026-11-01;2026-11-30;8;3;0,375;4;1;0,250;6,500"), out.lines().toList());
        assertEquals("tripartite", indicators.only("tripartite").method());
    }

    @Test
    void aTripartiteCsvWithoutOffersLeavesTheDecimalCellsEmpty() {
        indicators.returns("tripartite", new TripartiteIndicators("partner-a", NOV_1, NOV_30, 0, 0, 0, 0, null));
        IndicatorsCommand command = indicatorsCommand();
        command.partnerId = "partner-a";
        command.csv = true;
        command.tripartiteOnly = true;

        String out = run(OPERATOR, command);

        assertEquals("partner-a;2026-11-01;2026-11-30;0;0;;0;0;;", out.lines().toList().get(1));
    }

    @Test
    void tripartiteOnlyShowsTheFiguresWithoutAskingForTheActivity() {
        someFigures();
        IndicatorsCommand command = indicatorsCommand();
        command.tripartiteOnly = true;

        String out = run(OPERATOR, command);

        indicators.only("tripartite");
        assertFalse(out.contains("Activité"), out);
        assertTrue(out.contains("Indicateurs tripartites du 01/11/2026 au 15/11/2026, toutes structures"), out);
        assertTrue(out.contains("6,5 jours"), out);
    }

    @Test
    void csvFieldsHoldingTheSeparatorOrQuotesAreQuoted() {
        assertEquals("partner-a", Texts.csv("partner-a"));
        assertEquals("\"a;b\"", Texts.csv("a;b"));
        assertEquals("\"dit \"\"bonjour\"\"\"", Texts.csv("dit \"bonjour\""));
        assertEquals("", Texts.csv(null));
        assertEquals("6,5", Texts.decimal(6.5, 1));
        assertEquals("1234,568", Texts.csvDecimal(1234.5678));
        assertEquals("", Texts.csvDecimal(null));
    }

    @Test
    void aMalformedDayIsRefusedInFrenchBeforeAnyCall() {
        IndicatorsCommand malformed = indicatorsCommand();
        malformed.from = "01/11/2026";

        String out = run(OPERATOR, malformed);

        assertEquals("Date attendue au format AAAA-MM-JJ : « 01/11/2026 ». (--from)", out.strip());
        assertTrue(indicators.calls.isEmpty());
    }

    @Test
    void onlyAnEndGivenMeansFromTheFirstOfItsMonth() {
        someFigures();
        IndicatorsCommand command = indicatorsCommand();
        command.to = "2026-10-20";

        run(OPERATOR, command);

        assertEquals(Arrays.asList(OPERATOR, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20), null),
                indicators.calls.get(0).args());
    }

    @Test
    void aServicesRefusalIsPrintedInFrench() {
        referrals.fails("referral", OpusException.notFound(ContactProblemCodes.REFERRAL_NOT_FOUND,
                "Acte « ref-9 » introuvable."));

        String out = run(OPERATOR, referralShow("ref-9"));

        assertEquals("Acte « ref-9 » introuvable.", out.strip());
    }

    @Test
    void othersAreRefusedInFrenchAndNoServiceIsAsked() {
        List<Supplier<OperatorCommand>> commands = List.of(() -> referralShow("ref-1"),
                () -> referralList("201WLXK"), () -> presentationShow("pres-1"), this::indicatorsCommand);
        for (Supplier<OperatorCommand> command : commands) {
            String counsellor = run(COUNSELLOR, command.get());
            String anonymous = run(null, command.get());

            assertTrue(counsellor.contains("Votre rôle (Conseiller) ne permet pas cette opération."), counsellor);
            assertTrue(anonymous.contains("réservée aux opérateurs régionaux"), anonymous);
        }
        assertTrue(referrals.calls.isEmpty() && presentations.calls.isEmpty() && indicators.calls.isEmpty());
    }

    @Test
    void everyCommandIsAnOpusOperatorCommand() {
        for (Class<?> type : List.of(ReferralShowCommand.class, ReferralListCommand.class,
                PresentationShowCommand.class, IndicatorsCommand.class)) {
            assertEquals("opus", type.getAnnotation(Command.class).scope(), type.getName());
            assertEquals(List.of(Role.REGIONAL_OPERATOR),
                    List.of(Guard.ruleOf(null, type).permit().value()), type.getName());
        }
    }
}
