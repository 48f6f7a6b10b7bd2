package fr.opus.accounts.impl;

import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.security.Caller;
import java.time.Clock;

/** Audit lines written on their own connection: reads of personal data, logins and refusals. */
final class AuditLogs {

    private AuditLogs() {
    }

    /**
     * @param address where the request came from when there is no caller to carry it (refused logins), else
     *                {@code null} for the caller's own
     */
    static void write(Jdbc jdbc, Clock clock, Caller by, String address, String action, String subjectType,
            String subjectId, boolean success, String detail) {
        jdbc.read(c -> {
            AuditLog.insert(c, clock.instant(), by, address, action, subjectType, subjectId, success, detail);
            return null;
        });
    }
}
