package fr.opus.referentials.shell;

import fr.opus.referentials.api.ReferentialService;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes ROME codes ({@code M18<TAB>} → {@code M1801 M1802 …}). */
@Service
public class RomeCodeCompleter implements Completer {

    @Reference
    ReferentialService referentials;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String prefix = commandLine.getCursorArgument() == null ? ""
                : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition())
                        .toUpperCase(Locale.ROOT);
        StringsCompleter codes = new StringsCompleter(false);
        referentials.jobs().stream().map(j -> j.romeCode()).filter(c -> c.startsWith(prefix))
                .forEach(codes.getStrings()::add);
        return codes.complete(session, commandLine, candidates);
    }
}
