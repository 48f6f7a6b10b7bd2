package fr.opus.offers.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.PublishedOffer;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ShellGuard;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "offer-search",
        description = "Cherche des offres actives avec les critères de l'API France Travail")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class OfferSearchCommand implements Action {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int TITLE_WIDTH = 50;

    @Reference
    OfferCatalog catalog;

    @Option(name = "-k", aliases = "--keywords",
            description = "Mots clés séparés par des virgules, qui doivent tous correspondre (« java,spring »)")
    String keywords;

    @Option(name = "-r", aliases = "--rome", description = "Codes ROME séparés par des virgules (« M1805,M1806 »)")
    String romeCodes;

    @Option(name = "-c", aliases = "--commune", description = "Codes INSEE de communes séparés par des virgules")
    String communes;

    @Option(name = "-d", aliases = "--distance", description = "Rayon autour des communes, en km (10 par défaut)")
    Integer distance;

    @Option(name = "--departement", description = "Départements séparés par des virgules (« 69,2A »)")
    String departments;

    @Option(name = "--region", description = "Code de région (« 84 »)")
    String region;

    @Option(name = "-t", aliases = "--contract",
            description = "Types de contrat séparés par des virgules (CDI, CDD, MIS…)")
    @Completion(ContractTypeCompleter.class)
    String contracts;

    @Option(name = "-n", aliases = "--max", description = "Nombre d'offres affichées (20 par défaut, 150 au plus)")
    int max = 20;

    @Override
    public Object execute() {
        if (!ShellGuard.allows(this, System.err)) {
            return null;
        }
        run(System.out, System.err);
        return null;
    }

    void run(PrintStream out, PrintStream err) {
        OfferPage page;
        try {
            page = catalog.search(OfferQuery.builder()
                    .keywords(Texts.list(keywords))
                    .romeCodes(Texts.list(romeCodes))
                    .communes(Texts.list(communes))
                    .distanceKm(distance)
                    .departments(Texts.list(departments))
                    .region(region == null || region.isBlank() ? null : region.strip())
                    .contractTypes(Texts.list(contracts))
                    .range(0, Math.max(1, Math.min(max, OfferQuery.MAX_PAGE)) - 1)
                    .build());
        } catch (OpusException e) {
            err.println(e.detail());
            return;
        }
        if (page.total() == 0) {
            out.println("Aucune offre ne correspond à ces critères.");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Offre");
        table.column("Créée le");
        table.column("Intitulé");
        table.column("Lieu");
        table.column("Contrat");
        for (PublishedOffer offer : page.offers()) {
            OfferContent c = content(offer);
            if (c == null) {
                table.addRow().addContent(offer.id(), "", "(offre illisible)", "", "");
                continue;
            }
            table.addRow().addContent(offer.id(), Texts.day(c.creationDate()),
                    Texts.truncate(c.title(), TITLE_WIDTH), c.workplace() == null ? "" : c.workplace().label(),
                    c.contractType() == null ? "" : c.contractType());
        }
        table.print(out);
        out.println(Texts.count(page.total(), "offre", "offres") + " ("
                + (page.offers().size() > 1 ? "affichées" : "affichée") + " : " + page.offers().size() + ")");
    }

    private static OfferContent content(PublishedOffer offer) {
        try {
            return JSON.readValue(offer.json(), OfferContent.class);
        } catch (IOException e) {
            return null;
        }
    }
}
