package fr.opus.accounts.impl;

import fr.opus.platform.api.security.Caller;
import java.time.Clock;

/** Audit lines written on their own connection (reads, refusals). */
final class AuditLogs {

    private AuditLogs() {
    }

    static void read(Jdbc jdbc, Clock clock, Caller by, String subjectType, String subjectId) {
        write(jdbc, clock, by, subjectType + ".read", subjectId, true, null);
    }

    static void write(Jdbc jdbc, Clock clock, Caller by, String action, String subjectId, boolean success,
            String detail) {
        jdbc.read(c -> {
            AuditLog.insert(c, clock.instant(), by, null, action, action.substring(0, action.indexOf('.')), subjectId,
                    success, detail);
            return null;
        });
    }
}
