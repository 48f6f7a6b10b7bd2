package fr.opus.offers.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes France Travail's contract types ({@code C<TAB>} → {@code CCE CDD CDI}). */
@Service
public class ContractTypeCompleter implements Completer {

    /** The codes of France Travail's {@code typesContrats} referential that its search accepts. */
    static final List<String> TYPES =
            List.of("CDI", "CDD", "MIS", "SAI", "CCE", "FRA", "LIB", "REP", "TTI", "DDI", "DIN", "DDT");

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(TYPES, false).complete(session, commandLine, candidates);
    }
}
