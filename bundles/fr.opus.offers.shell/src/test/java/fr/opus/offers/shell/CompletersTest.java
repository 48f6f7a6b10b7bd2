package fr.opus.offers.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.PublishedOffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletersTest {

    private static List<String> complete(org.apache.karaf.shell.api.console.Completer completer, String typed) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, Fakes.typed(typed), candidates);
        return candidates.stream().map(String::strip).sorted().toList();
    }

    @Test
    void contractTypesCompleteInAnyCase() {
        ContractTypeCompleter completer = new ContractTypeCompleter();
        assertEquals(List.of("CCE", "CDD", "CDI"), complete(completer, "C"));
        assertEquals(List.of("CDD", "CDI"), complete(completer, "cd"));
        assertEquals(List.of(), complete(completer, "X"));
    }

    @Test
    void offerIdsCompleteAmongTheNewestActiveOffers() {
        Fakes.Catalog catalog = new Fakes.Catalog();
        catalog.page = new OfferPage(3, 0, 2, List.of(new PublishedOffer("179PPHH", new byte[0]),
                new PublishedOffer("179QXYZ", new byte[0]), new PublishedOffer("201WLXK", new byte[0])), List.of());
        OfferIdCompleter completer = new OfferIdCompleter();
        completer.catalog = catalog;

        assertEquals(List.of("179PPHH", "179QXYZ"), complete(completer, "179"));
        assertEquals(OfferQuery.Sort.DATE, catalog.lastQuery.sort());
        assertEquals(OfferQuery.MAX_PAGE, catalog.lastQuery.pageSize());
        assertEquals(List.of("201WLXK"), complete(completer, "201w"));
    }
}
