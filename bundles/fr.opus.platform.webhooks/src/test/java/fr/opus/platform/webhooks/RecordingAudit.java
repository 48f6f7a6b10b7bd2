package fr.opus.platform.webhooks;

import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.platform.api.security.Caller;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every audit line as text: who, action, subject, detail. */
final class RecordingAudit implements AuditTrail {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void record(Caller by, String address, String action, String subjectType, String subjectId,
            boolean success, String detail) {
        lines.add((by == null ? "-" : by.login()) + " " + action + " " + subjectType + ":" + subjectId + " "
                + (success ? "success" : "failure") + " " + detail);
    }

    @Override
    public List<AuditEvent> search(Caller by, AuditQuery query) {
        throw new AssertionError("not called here");
    }
}
