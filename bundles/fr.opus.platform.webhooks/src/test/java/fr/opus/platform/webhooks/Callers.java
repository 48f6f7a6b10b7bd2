package fr.opus.platform.webhooks;

import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.util.Set;

/** The callers of the tests: partners A and B, their people and applications, and France Travail staff. */
final class Callers {

    static final String PARTNER_A = "partner-a";
    static final String PARTNER_B = "partner-b";

    static final Caller RGC_A = partner("rgc-a", Role.ACCOUNT_MANAGER, PARTNER_A);
    static final Caller APP_A = partner("app-a", Role.PARTNER_APPLICATION, PARTNER_A);
    static final Caller COUNSELLOR_A = partner("conseiller-a", Role.COUNSELLOR, PARTNER_A);
    static final Caller RGC_B = partner("rgc-b", Role.ACCOUNT_MANAGER, PARTNER_B);
    static final Caller APP_B = partner("app-b", Role.PARTNER_APPLICATION, PARTNER_B);
    static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, "84",
            Set.of(), Set.of(), null);
    static final Caller FT_AGENT = new Caller("ag-1", "agent", Role.FT_AGENT, null, null, "84", Set.of(), Set.of(),
            null);

    private Callers() {
    }

    private static Caller partner(String login, Role role, String partnerId) {
        return new Caller("id-" + login, login, role, partnerId, "convention-" + partnerId, "84", Set.of(),
                role.machine() ? Set.of("api_offresdemploiv2") : Set.of(), null);
    }
}
