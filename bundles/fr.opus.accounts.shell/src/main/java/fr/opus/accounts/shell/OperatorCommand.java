package fr.opus.accounts.shell;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.ShellGuard;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.karaf.shell.api.action.Action;

/**
 * An operator's command: checks the class's {@link fr.opus.platform.api.security.Permit} against the session's
 * caller, then runs; a refusal or bad input is printed in French on the error stream, nothing is changed.
 */
abstract class OperatorCommand implements Action {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    @Override
    public Object execute() {
        run(System.out, System.err);
        return null;
    }

    void run(PrintStream out, PrintStream err) {
        try {
            run(ShellGuard.check(this), out);
        } catch (OpusException e) {
            err.println(e.detail() + (e.field() == null ? "" : " (" + e.field() + ")"));
        }
    }

    abstract void run(Caller caller, PrintStream out);

    static String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    static String text(Object value) {
        return value == null ? "—" : value.toString();
    }
}
