package fr.opus.accounts.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionService;
import fr.opus.accounts.api.ConventionStatus;
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
import java.util.TreeSet;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

class OperatorCommandTest {

    private static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), null);
    private static final Caller COUNSELLOR = new Caller("c-1", "lmartin", Role.COUNSELLOR, "p-1", "conv-1", "84",
            Set.of("consultation-offres"), Set.of(), null);

    /** The arguments of each {@code changeServices} call: enable, disable, reason. */
    private final List<List<Object>> switches = new ArrayList<>();

    private Convention convention(Set<String> services) {
        return new Convention("conv-1", "p-1", ConventionStatus.ACTIVE, LocalDate.of(2026, 1, 5),
                LocalDate.of(2028, 12, 31), null, services.stream().sorted().map(s -> new ConventionService(s, s, true))
                        .toList(), 5, 2, "rgc-1", "Mme Suivi", "M. Correspondant", 3, Instant.EPOCH);
    }

    private PartnerDirectory partners() {
        return (PartnerDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PartnerDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "changeServices" -> {
                        switches.add(List.of(args[2], args[3], args[4]));
                        Set<String> services = new TreeSet<>(Set.of("consultation-offres", "delegation-mer"));
                        services.addAll(cast(args[2]));
                        services.removeAll(cast(args[3]));
                        yield convention(services);
                    }
                    default -> throw new AssertionError("not called in this test: " + method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static Set<String> cast(Object services) {
        return (Set<String>) services;
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
    void anOperatorSwitchesServicesInOneCall() {
        String out = run(OPERATOR, servicesCommand());

        assertEquals("Convention conv-1 version 3 : consultation-offres, preselection", out.strip());
        assertEquals(List.of(List.of(Set.of("preselection"), Set.of("delegation-mer"), "Avenant n°2")), switches);
    }

    @Test
    void anOptionLeftOutSwitchesNothingThatWay() {
        ConventionServicesCommand command = servicesCommand();
        command.remove = null;
        run(OPERATOR, command);

        assertEquals(List.of(List.of(Set.of("preselection"), Set.of(), "Avenant n°2")), switches);
    }

    @Test
    void othersAreRefusedInFrenchAndNothingChanges() {
        String counsellor = run(COUNSELLOR, servicesCommand());
        String anonymous = run(null, servicesCommand());

        assertTrue(counsellor.contains("Votre rôle (Conseiller) ne permet pas cette opération."), counsellor);
        assertTrue(anonymous.contains("réservée aux opérateurs régionaux"), anonymous);
        assertTrue(switches.isEmpty());
    }
}
