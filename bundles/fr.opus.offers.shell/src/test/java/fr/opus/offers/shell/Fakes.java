package fr.opus.offers.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.FeedStatus;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferFeed;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.karaf.shell.api.console.CommandLine;

/** Plain fakes of the offers API and a console to read what a command printed. */
final class Fakes {

    private Fakes() {
    }

    static byte[] exampleJson() {
        try (InputStream in = Fakes.class.getResourceAsStream("/offre_by_id_179PPHH.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static OfferContent exampleContent() {
        try {
            return new ObjectMapper().readValue(exampleJson(), OfferContent.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a command wrote on its output and error streams. */
    record Console(String out, String err) {

        static Console of(BiConsumer<PrintStream, PrintStream> command) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                command.accept(o, e);
            }
            return new Console(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Answers what the test put in; records the last query. */
    static final class Catalog implements OfferCatalog {

        final Map<String, Offer> offers = new HashMap<>();
        OfferPage page = new OfferPage(0, 0, -1, List.of(), List.of());
        RuntimeException failure;
        OfferQuery lastQuery;

        @Override
        public Optional<Offer> find(String id) {
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(offers.get(id));
        }

        @Override
        public Optional<OfferContent> findPublished(String id) {
            return find(id).filter(Offer::visible).map(Offer::published);
        }

        @Override
        public java.util.List<String> activeOfferIds(java.time.Instant publishedBefore) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public java.util.List<Offer> findBySiret(String siret) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public OfferPage search(OfferQuery query) {
            if (failure != null) {
                throw failure;
            }
            lastQuery = query;
            return page;
        }
    }

    static final class Feed implements OfferFeed {

        FeedStatus status;
        RuntimeException failure;

        @Override
        public FeedReceipt accept(List<OfferEvent> batch) {
            throw new AssertionError("the shell never feeds offers");
        }

        @Override
        public FeedStatus status() {
            if (failure != null) {
                throw failure;
            }
            return status;
        }
    }

    /** The command line with {@code typed} before the cursor, as the console hands it to a completer. */
    static CommandLine typed(String typed) {
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
                return new String[] {"opus:offer-show", typed};
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return "opus:offer-show " + typed;
            }
        };
    }
}
