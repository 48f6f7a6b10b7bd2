package fr.opus.preselection.shell;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.ShellGuard;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;

/**
 * A France Travail command: checks the class's {@link fr.opus.platform.api.security.Permit} against the session's
 * caller ({@link ShellGuard}), then runs as that caller; a refusal or bad input is printed in French on the error
 * stream, and nothing is asked of the service.
 */
abstract class OperatorCommand implements Action {

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
}
