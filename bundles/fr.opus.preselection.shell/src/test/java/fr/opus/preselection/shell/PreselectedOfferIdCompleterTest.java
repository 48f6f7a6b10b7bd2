package fr.opus.preselection.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.PublishedOffer;
import fr.opus.platform.api.testing.Fake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

class PreselectedOfferIdCompleterTest {

    private final Fake<OfferCatalog> catalog = Fake.of(OfferCatalog.class);

    private static Offer offer(String id, PreselectionLevel level) {
        return new Offer(id, OfferStatus.ACTIVE, 1, Instant.parse("2026-11-20T08:00:00Z"), null, null, level, null,
                null, null, OfferContent.builder().id(id).title("Employé de caisse (H/F)").build());
    }

    private List<String> complete(String typed) {
        PreselectedOfferIdCompleter completer = new PreselectedOfferIdCompleter();
        completer.catalog = catalog.service();
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed(typed), candidates);
        return candidates.stream().map(String::strip).sorted().toList();
    }

    @Test
    void completesOnlyPreselectedOffersAmongTheNewestAndLooksUpOnlyThoseTyped() {
        Map<String, Offer> offers = Map.of("201WLXK", offer("201WLXK", PreselectionLevel.ENDORSEMENT),
                "201WABC", offer("201WABC", null),
                "201WEVA", offer("201WEVA", PreselectionLevel.ASSESSMENT),
                "179PPHH", offer("179PPHH", PreselectionLevel.VERIFICATION));
        catalog.returns("search", new OfferPage(4, 0, 3, offers.keySet().stream()
                        .map(id -> new PublishedOffer(id, new byte[0])).toList(), List.of()))
                .on("find", args -> Optional.ofNullable(offers.get((String) args[0])));

        assertEquals(List.of("201WEVA", "201WLXK"), complete("201w"));

        OfferQuery query = (OfferQuery) catalog.calls.get(0).arg(0);
        assertEquals(OfferQuery.Sort.DATE, query.sort());
        assertEquals(OfferQuery.MAX_PAGE, query.pageSize());
        assertEquals(List.of("201WABC", "201WEVA", "201WLXK"), catalog.calls.stream()
                .filter(c -> c.method().equals("find")).map(c -> (String) c.arg(0)).sorted().toList(),
                "179PPHH does not start with what was typed: not looked up");
        assertEquals(List.of("179PPHH", "201WEVA", "201WLXK"), complete(""));
    }

    /** The command line with {@code typed} before the cursor, as the console hands it to a completer. */
    private static CommandLine typed(String typed) {
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"opus:preselection-show", typed};
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return "opus:preselection-show " + typed;
            }
        };
    }
}
