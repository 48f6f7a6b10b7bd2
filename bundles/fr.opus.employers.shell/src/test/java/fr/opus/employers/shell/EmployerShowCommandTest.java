package fr.opus.employers.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.employers.api.Employer;
import fr.opus.employers.api.EmployerContact;
import fr.opus.employers.api.EmployerNote;
import fr.opus.employers.api.EmployerOffer;
import fr.opus.employers.api.Employers;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.OfferStatus;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

class EmployerShowCommandTest {

    private static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), null);
    private static final Caller COUNSELLOR = new Caller("c-1", "lmartin", Role.COUNSELLOR, "p-1", "conv-1", "84",
            Set.of("consultation-offres"), Set.of(), null);
    private static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");

    private final List<String> asked = new ArrayList<>();

    private Employers employers(Employer answer) {
        return (Employers) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Employers.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("employer")) {
                        throw new AssertionError("not called in this test: " + method.getName());
                    }
                    asked.add(((Caller) args[0]).login() + " " + args[1]);
                    if (answer == null) {
                        throw OpusException.notFound("employer-not-found", "Aucun employeur consultable ne porte le"
                                + " SIRET « " + args[1] + " ».");
                    }
                    return answer;
                });
    }

    private String[] run(Caller caller, EmployerShowCommand command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Subject subject = new Subject();
        if (caller != null) {
            subject.getPrincipals().add(caller);
        }
        Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
            command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return null;
        });
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private EmployerShowCommand command(Employer answer) {
        EmployerShowCommand command = new EmployerShowCommand();
        command.employers = employers(answer);
        command.siret = "12345678900007";
        return command;
    }

    @Test
    void anOperatorSeesTheEntryItsContactsNotesAndOffers() {
        Employer page = new Employer("12345678900007", "Le Fournil du Mans", "10.71C", "3 rue des Halles, Le Mans",
                true, true, List.of(new EmployerContact("c-1", "Claire Fournier", "Responsable du recrutement",
                        "recrutement@fournil.example", "0243123456", null, "France Travail", "fagent", AT)),
                List.of(new EmployerNote("n-1", "Recrute surtout avant les fêtes.", "p-1", "Mission Locale du Mans",
                        "lmartin", AT, AT)),
                List.of(new EmployerOffer("201ABCD", "Boulanger (H/F)", OfferStatus.SUSPENDED, Diffusion.ANONYMOUS,
                        "CDI", "72 - Le Mans", AT, false)), AT, "fagent");

        String[] printed = run(OPERATOR, command(page));

        assertEquals("", printed[1]);
        String out = printed[0];
        assertEquals("Employeur 12345678900007 – Le Fournil du Mans", out.lines().findFirst().orElseThrow());
        assertTrue(out.contains("10.71C"), out);
        assertTrue(out.contains("enregistrée, modifiée le 23/11/2026 10:30 par fagent"), out);
        assertTrue(out.contains("Claire Fournier") && out.contains("recrutement@fournil.example"), out);
        assertTrue(out.contains("Mission Locale du Mans (lmartin)") && out.contains("Recrute surtout"), out);
        assertTrue(out.contains("201ABCD") && out.contains("suspendue") && out.contains("anonyme"), out);
        assertEquals(List.of("operateur 12345678900007"), asked);
    }

    @Test
    void othersAreRefusedInFrenchAndNothingIsRead() {
        String[] counsellor = run(COUNSELLOR, command(null));
        String[] anonymous = run(null, command(null));

        assertTrue(counsellor[1].contains("Votre rôle (Conseiller) ne permet pas cette opération."), counsellor[1]);
        assertTrue(anonymous[1].contains("réservée aux opérateurs régionaux"), anonymous[1]);
        assertEquals("", counsellor[0] + anonymous[0]);
        assertTrue(asked.isEmpty());
    }

    @Test
    void anUnknownEmployerIsOneFrenchLine() {
        String[] printed = run(OPERATOR, command(null));
        assertEquals(List.of("Aucun employeur consultable ne porte le SIRET « 12345678900007 »."),
                printed[1].lines().toList());
        assertEquals("", printed[0]);
    }
}
