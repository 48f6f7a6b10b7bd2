package fr.opus.referentials.shell;

import fr.opus.referentials.api.ReferentialService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * Completes commune names and codes from two typed characters on, most populous first: {@code Vil<TAB>} offers
 * {@code Villeurbanne}, {@code Villejuif}… (spaces in names are completed as hyphens, as the names are written).
 */
@Service
public class CommuneNameCompleter implements Completer {

    private static final int MAX_CANDIDATES = 30;

    @Reference
    ReferentialService referentials;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument() == null ? ""
                : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition());
        if (typed.length() < 2) {
            return -1;
        }
        StringsCompleter names = new StringsCompleter(false);
        boolean code = Character.isDigit(typed.charAt(0));
        referentials.findCommunes(typed, MAX_CANDIDATES).forEach(c -> names.getStrings()
                .add(code ? c.inseeCode() : c.name().replace(' ', '-')));
        return names.complete(session, commandLine, candidates);
    }
}
