package fr.opus.platform.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/** An embedded Derby database under {@code target/derby}, migrated with the bundle's own scripts, dropped on close. */
final class TestDatabase implements AutoCloseable {

    private final Path folder;
    private final EmbeddedDataSource dataSource;

    TestDatabase() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        // no disk sync: these databases are thrown away; the benchmark asks for real durability (-Dwebhooks.sync)
        if (Boolean.getBoolean("webhooks.sync")) {
            System.clearProperty("derby.system.durability");
        } else {
            System.setProperty("derby.system.durability", "test");
        }
        folder = Path.of("target", "derby", "webhooks-" + System.nanoTime());
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.toString());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).schemas("WEBHOOKS").table("SCHEMA_HISTORY")
                .locations("classpath:db/webhooks").load().migrate();
    }

    EmbeddedDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(folder.toString());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as an exception (08006)
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
