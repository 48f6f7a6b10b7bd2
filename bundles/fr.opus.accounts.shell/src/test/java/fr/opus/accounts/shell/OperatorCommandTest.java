package fr.opus.accounts.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionService;
import fr.opus.accounts.api.ConventionStatus;
import fr.opus.accounts.api.ConventionTerms;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

class OperatorCommandTest {

    private static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), null);
    private static final Caller COUNSELLOR = new Caller("c-1", "lmartin", Role.COUNSELLOR, "p-1", "conv-1", "84",
            Set.of("consultation-offres"), Set.of(), null);

    private final List<ConventionTerms> amendments = new ArrayList<>();

    private Convention convention(Set<String> services) {
        return new Convention("conv-1", "p-1", ConventionStatus.ACTIVE, LocalDate.of(2026, 1, 5),
                LocalDate.of(2028, 12, 31), null, services.stream().sorted().map(s -> new ConventionService(s, s, true))
                        .toList(), 5, 2, "rgc-1", "Mme Suivi", "M. Correspondant", 3, Instant.EPOCH);
    }

    private PartnerDirectory partners() {
        return (PartnerDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PartnerDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "convention" -> convention(Set.of("consultation-offres", "delegation-mer"));
                    case "amendConvention" -> {
                        amendments.add((ConventionTerms) args[2]);
                        yield convention(((ConventionTerms) args[2]).services());
                    }
                    default -> throw new AssertionError("not called in this test: " + method.getName());
                });
    }

    private String run(Caller caller, OperatorCommand command) {
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

    private ConventionServicesCommand servicesCommand() {
        ConventionServicesCommand command = new ConventionServicesCommand();
        command.partners = partners();
        command.conventionId = "conv-1";
        command.add = List.of("preselection");
        command.remove = List.of("delegation-mer");
        command.reason = "Avenant n°2";
        return command;
    }

    @Test
    void anOperatorSwitchesServicesKeepingTheRestOfTheTerms() {
        String out = run(OPERATOR, servicesCommand());

        assertEquals("Convention conv-1 version 3 : consultation-offres, preselection", out.strip());
        ConventionTerms terms = amendments.get(0);
        assertEquals(Set.of("consultation-offres", "preselection"), terms.services());
        assertEquals(5, terms.accountQuota());
        assertEquals(LocalDate.of(2028, 12, 31), terms.endsOn());
        assertEquals("Mme Suivi", terms.followUpManager());
    }

    @Test
    void othersAreRefusedInFrenchAndNothingChanges() {
        String counsellor = run(COUNSELLOR, servicesCommand());
        String anonymous = run(null, servicesCommand());

        assertTrue(counsellor.contains("Votre rôle (Conseiller) ne permet pas cette opération."), counsellor);
        assertTrue(anonymous.contains("réservée aux opérateurs régionaux"), anonymous);
        assertTrue(amendments.isEmpty());
    }
}
