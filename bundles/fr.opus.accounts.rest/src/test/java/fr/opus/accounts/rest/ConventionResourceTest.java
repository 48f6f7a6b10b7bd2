package fr.opus.accounts.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

/** The service switches hand one service to {@link PartnerDirectory#changeServices}, on the right side. */
class ConventionResourceTest {

    private static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), "127.0.0.1");
    private static final Convention CONVENTION = new Convention("c-1", "p-1", null, null, null, null, List.of(), 3, 0,
            null, null, null, 4, null);

    private final List<List<Object>> calls = new ArrayList<>();
    private final ConventionResource resource = new ConventionResource((PartnerDirectory) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PartnerDirectory.class}, (proxy, method, args) -> {
                if (!method.getName().equals("changeServices")) {
                    throw new AssertionError("not called by the service switches: " + method.getName());
                }
                calls.add(Arrays.asList(args));
                return CONVENTION;
            }));
    private final SecurityContext security = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> {
                if (!method.getName().equals("getUserPrincipal")) {
                    throw new AssertionError("not read: " + method.getName());
                }
                return OPERATOR;
            });

    @Test
    void putSwitchesTheServiceOn() {
        assertSame(CONVENTION, resource.enableService(security, "c-1", "preselection", "Avenant n° 2"));
        assertEquals(List.of(List.of(OPERATOR, "c-1", Set.of("preselection"), Set.of(), "Avenant n° 2")), calls);
    }

    @Test
    void deleteSwitchesTheServiceOff() {
        assertSame(CONVENTION, resource.disableService(security, "c-1", "preselection", "Module retiré"));
        assertEquals(List.of(List.of(OPERATOR, "c-1", Set.of(), Set.of("preselection"), "Module retiré")), calls);
    }
}
