package fr.opus.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    private EmbeddedDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:migrator-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
    }

    @Test
    void appliesScriptsInOrderIntoTheirOwnSchemaAndIsIdempotent() throws Exception {
        Map<String, URL> scripts = scripts();

        assertEquals("2", SchemaMigrator.migrate(dataSource, "TESTCAP", "db/test", scripts));
        assertEquals("2", SchemaMigrator.migrate(dataSource, "TESTCAP", "db/test", scripts));

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM TESTCAP.THING")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "V2's insert ran exactly once");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM TESTCAP.SCHEMA_HISTORY WHERE \"success\" AND \"version\" IS NOT NULL")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void refusesAnAppliedScriptThatWasEditedAfterwards(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Map<String, URL> scripts = scripts();
        SchemaMigrator.migrate(dataSource, "EDITED", "db/test", scripts);

        Path edited = dir.resolve("V1__init.sql");
        Files.writeString(edited, "CREATE TABLE THING (ID INT NOT NULL PRIMARY KEY);\n");
        scripts.put("V1__init.sql", edited.toUri().toURL());

        assertThrows(FlywayException.class, () -> SchemaMigrator.migrate(dataSource, "EDITED", "db/test", scripts));
    }

    private static Map<String, URL> scripts() {
        Map<String, URL> scripts = new TreeMap<>();
        for (String name : new String[] {"V1__init.sql", "V2__more.sql"}) {
            scripts.put(name, SchemaMigratorTest.class.getResource("/db/test/" + name));
        }
        return scripts;
    }
}
