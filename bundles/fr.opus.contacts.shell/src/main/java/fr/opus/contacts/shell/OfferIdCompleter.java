package fr.opus.contacts.shell;

import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferQuery;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * Completes offer ids among the {@value OfferQuery#MAX_PAGE} most recently created active offers: the catalog has
 * no listing of ids, and the newest offers are those acts are made on.
 */
@Service
public class OfferIdCompleter implements Completer {

    @Reference
    OfferCatalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter(false);
        catalog.search(OfferQuery.builder().sort(OfferQuery.Sort.DATE).range(0, OfferQuery.MAX_PAGE - 1).build())
                .offers().forEach(o -> ids.getStrings().add(o.id()));
        return ids.complete(session, commandLine, candidates);
    }
}
