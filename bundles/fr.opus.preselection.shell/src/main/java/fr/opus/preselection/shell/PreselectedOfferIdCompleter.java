package fr.opus.preselection.shell;

import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.PublishedOffer;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * Completes the ids of preselected offers among the {@value OfferQuery#MAX_PAGE} most recently created active offers:
 * the catalog lists no ids and its search does not filter on preselection, so each id that starts with what was
 * typed is looked up for its level — only those, to keep a Tab cheap.
 */
@Service
public class PreselectedOfferIdCompleter implements Completer {

    @Reference
    OfferCatalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = typed(commandLine);
        StringsCompleter ids = new StringsCompleter(false);
        catalog.search(OfferQuery.builder().sort(OfferQuery.Sort.DATE).range(0, OfferQuery.MAX_PAGE - 1).build())
                .offers().stream().map(PublishedOffer::id)
                .filter(id -> id.regionMatches(true, 0, typed, 0, typed.length()))
                .filter(id -> catalog.find(id).map(Offer::preselection).isPresent())
                .forEach(ids.getStrings()::add);
        return ids.complete(session, commandLine, candidates);
    }

    /** What was typed of the argument being completed, up to the cursor. */
    private static String typed(CommandLine commandLine) {
        String argument = commandLine.getCursorArgument();
        if (argument == null) {
            return "";
        }
        return argument.substring(0, Math.max(0, Math.min(commandLine.getArgumentPosition(), argument.length())));
    }
}
