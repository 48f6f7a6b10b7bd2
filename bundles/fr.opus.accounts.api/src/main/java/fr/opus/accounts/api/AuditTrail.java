package fr.opus.accounts.api;

import fr.opus.platform.api.security.Caller;
import java.util.List;

/**
 * The append-only audit trail. Every capability records here the security events it sees and every read of
 * personal data (who, when, what, from where); operators search it.
 */
public interface AuditTrail {

    /** Records what {@code by} (or an unknown caller, {@code null}) did to a subject. */
    void record(Caller by, String address, String action, String subjectType, String subjectId, boolean success,
            String detail);

    List<AuditEvent> search(Caller by, AuditQuery query);
}
