package fr.opus.offers.shell;

import fr.opus.offers.api.FeedStatus;
import fr.opus.offers.api.OfferFeed;
import fr.opus.offers.api.OfferStatus;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ShellGuard;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "offer-feed-status",
        description = "État du flux des offres de France Travail et de l'index de recherche")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class OfferFeedStatusCommand implements Action {

    @Reference
    OfferFeed feed;

    @Override
    public Object execute() {
        if (!ShellGuard.allows(this, System.err)) {
            return null;
        }
        run(System.out, System.err);
        return null;
    }

    void run(PrintStream out, PrintStream err) {
        FeedStatus status;
        try {
            status = feed.status();
        } catch (OpusException e) {
            err.println(e.detail());
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Statut");
        table.column("Offres").alignRight();
        long total = 0;
        for (OfferStatus s : OfferStatus.values()) {
            long n = status.offersByStatus().getOrDefault(s, 0L);
            total += n;
            table.addRow().addContent(Texts.status(s), n);
        }
        table.addRow().addContent("total", total);
        table.print(out);
        line(out, "Événements reçus", String.valueOf(status.eventsReceived()));
        line(out, "Dernier événement appliqué", Texts.time(status.lastEventAt()));
        line(out, "Dernier lot reçu", Texts.time(status.lastBatchAt()));
        line(out, "Offres indexées", String.valueOf(status.indexedOffers()));
        line(out, "Index à jour", status.indexUpToDate() ? "oui" : "non");
        line(out, "Index reconstruit le", Texts.time(status.lastIndexRebuildAt()));
    }

    private static void line(PrintStream out, String label, String value) {
        out.printf("%-28s %s%n", label + " :", value);
    }
}
