package fr.opus.referentials.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the shipped reference files into the REFERENTIALS schema: a dataset whose file (or mapping) changed since
 * the last load is replaced whole, in one transaction, so a reader never sees half a list and a crash leaves the
 * previous version. A dataset already loaded from the same file is left alone: loading is idempotent.
 */
final class ReferentialLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ReferentialLoader.class);
    private static final int BATCH = 1_000;
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();

    private final DataSource dataSource;
    private final Clock clock;

    ReferentialLoader(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** @return the number of datasets (re)loaded */
    int loadChanged() {
        Map<String, String> loaded = loadedChecksums();
        int reloaded = 0;
        for (Datasets.Definition dataset : Datasets.ALL) {
            byte[] content = read(dataset.file());
            String checksum = checksum(content);
            if (checksum.equals(loaded.get(dataset.name()))) {
                continue;
            }
            long start = System.nanoTime();
            int rows = replace(dataset, content, checksum);
            LOG.info("Reference dataset {} loaded: {} rows in {} ms", dataset.name(), rows,
                    (System.nanoTime() - start) / 1_000_000);
            reloaded++;
        }
        return reloaded;
    }

    private Map<String, String> loadedChecksums() {
        Map<String, String> checksums = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT NAME, CHECKSUM FROM REFERENTIALS.DATASET");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                checksums.put(rs.getString(1), rs.getString(2).trim());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read REFERENTIALS.DATASET", e);
        }
        return checksums;
    }

    private int replace(Datasets.Definition dataset, byte[] content, String checksum) {
        String insert = "INSERT INTO REFERENTIALS." + dataset.table() + " (" + String.join(", ", dataset.columns())
                + ") VALUES (" + "?, ".repeat(dataset.columns().size() - 1) + "?)";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                clear(c, dataset);
                int rows = insertAll(c, dataset, content, insert);
                recordDataset(c, dataset, checksum, rows);
                c.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load reference dataset " + dataset.name(), e);
        }
    }

    private static void clear(Connection c, Datasets.Definition dataset) throws SQLException {
        String sql = dataset.listName() == null ? "DELETE FROM REFERENTIALS." + dataset.table()
                : "DELETE FROM REFERENTIALS.CODE_ENTRY WHERE LIST_NAME = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (dataset.listName() != null) {
                ps.setString(1, dataset.listName());
            }
            ps.executeUpdate();
        }
    }

    private static int insertAll(Connection c, Datasets.Definition dataset, byte[] content, String insert)
            throws SQLException {
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(insert);
                Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(content),
                        StandardCharsets.UTF_8);
                CSVParser parser = CSV.parse(reader)) {
            for (CSVRecord record : parser) {
                if (!dataset.keep().test(record)) {
                    continue;
                }
                Object[] values = dataset.row().apply(record);
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i], sqlType(dataset, i, values[i]));
                }
                ps.addBatch();
                if (++rows % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** JDBC needs a type for nulls; the column order of each table tells it. */
    private static int sqlType(Datasets.Definition dataset, int index, Object value) {
        if (value instanceof Boolean) {
            return java.sql.Types.BOOLEAN;
        }
        if (value instanceof Integer) {
            return java.sql.Types.INTEGER;
        }
        if (value instanceof Double) {
            return java.sql.Types.DOUBLE;
        }
        if (value == null) {
            String column = dataset.columns().get(index);
            return switch (column) {
                case "POPULATION" -> java.sql.Types.INTEGER;
                case "LATITUDE", "LONGITUDE" -> java.sql.Types.DOUBLE;
                default -> java.sql.Types.VARCHAR;
            };
        }
        return java.sql.Types.VARCHAR;
    }

    private void recordDataset(Connection c, Datasets.Definition dataset, String checksum, int rows)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM REFERENTIALS.DATASET WHERE NAME = ?")) {
            delete.setString(1, dataset.name());
            delete.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO REFERENTIALS.DATASET (NAME, SOURCE, ROW_COUNT, CHECKSUM, LOADED_AT) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, dataset.name());
            ps.setString(2, dataset.source());
            ps.setInt(3, rows);
            ps.setString(4, checksum);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = ReferentialLoader.class.getResourceAsStream("/referentials/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Reference file missing from the bundle: referentials/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checksum(byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content);
            sha.update(("mapping-" + Datasets.MAPPING_VERSION).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
