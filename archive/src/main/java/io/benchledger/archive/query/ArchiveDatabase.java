package io.benchledger.archive.query;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.parquet.ArchiveTables;
import io.benchledger.archive.parquet.TableSchema;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.DataFile;
import io.benchledger.archive.store.Snapshot;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An in-process DuckDB over one archive snapshot, with views {@code runs}, {@code results} and
 * {@code samples} over the committed runs only. The views read the live files by name (not by a
 * glob), so a file a crashed writer left behind is never counted, and {@code union_by_name} so
 * files of older schema versions still read.
 */
public final class ArchiveDatabase implements AutoCloseable {
    private final Connection connection;
    private final Snapshot snapshot;
    private final Archive archive;

    private ArchiveDatabase(Archive archive, Connection connection, Snapshot snapshot) {
        this.archive = archive;
        this.connection = connection;
        this.snapshot = snapshot;
    }

    /** Why loading DuckDB's native library on the {@link #preload} thread failed, if it did. */
    private static volatile Throwable preloadFailure;

    /**
     * Starts loading DuckDB's native library on a thread of its own: the driver unpacks it from the jar
     * and loads it when first used, about half a second, which a program that will open an archive can
     * spend on its other set-up meanwhile. {@link #open} waits for it (the JVM's class initialisation).
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try {
                Class.forName("org.duckdb.DuckDBNative", true, ArchiveDatabase.class.getClassLoader());
            } catch (Throwable e) {
                preloadFailure = e;
            }
        }, "duckdb-preload");
        t.setDaemon(true);
        t.start();
    }

    public static ArchiveDatabase open(Archive archive) throws IOException {
        Snapshot snapshot = archive.snapshot();
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IOException("cannot start DuckDB: " + e.getMessage(), e);
        } catch (LinkageError e) {
            // the native library could not be loaded (here or on the preload thread, whose error says why)
            Throwable why = preloadFailure != null ? preloadFailure : e;
            throw new IOException("cannot start DuckDB: " + why, why);
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            createView(st, "runs", ArchiveTables.RUNS, snapshot.files("runs"));
            createView(st, "results", ArchiveTables.RESULTS, snapshot.files("results"));
            createView(st, "samples", ArchiveTables.SAMPLES, snapshot.files("samples"));
            st.execute(SqlFile.load("history"));
            st.execute(SqlFile.load("fork_samples"));
            return new ArchiveDatabase(archive, c, snapshot);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("cannot open DuckDB over " + archive.root() + ": " + e.getMessage(), e);
        }
    }

    private static void createView(Statement st, String name, TableSchema<?> schema, List<DataFile> files)
            throws SQLException {
        if (files.isEmpty()) {
            st.execute("CREATE VIEW " + name + " AS SELECT " + emptyColumns(schema) + " WHERE false");
            return;
        }
        StringJoiner list = new StringJoiner(", ", "[", "]");
        for (DataFile f : files) {
            list.add(literal(f.path().toString()));
        }
        try {
            st.execute("CREATE VIEW " + name + " AS SELECT * FROM read_parquet(" + list
                    + ", hive_partitioning = true, union_by_name = true,"
                    + " hive_types = {'project': VARCHAR, 'version': VARCHAR})");
        } catch (SQLException e) {
            throw damagedFile(st, files, e);
        }
    }

    /** Finds which file DuckDB could not read, so the one-line error can name it. */
    private static BadInputException damagedFile(Statement st, List<DataFile> files, SQLException cause) {
        for (DataFile f : files) {
            try {
                st.execute("SELECT count(*) FROM parquet_schema(" + literal(f.path().toString()) + ")");
            } catch (SQLException e) {
                return new BadInputException(f.path() + ": damaged Parquet file (" + oneLine(e.getMessage())
                        + "); run 'benchledger archive verify'", cause);
            }
        }
        return new BadInputException("damaged archive file: " + oneLine(cause.getMessage())
                + "; run 'benchledger archive verify'", cause);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static String emptyColumns(TableSchema<?> schema) {
        StringJoiner j = new StringJoiner(", ");
        for (var c : schema.columns()) {
            j.add("CAST(NULL AS " + c.type().sqlType() + ") AS " + c.name());
        }
        j.add("CAST(NULL AS VARCHAR) AS project");
        j.add("CAST(NULL AS VARCHAR) AS version");
        return j.toString();
    }

    /** A SQL string literal of a file path (ours, but the archive's own folder may contain a quote). */
    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Another connection to the same database (its views, macros and snapshot), for queries made on
     * another thread beside this one's: a DuckDB connection runs one query at a time, and a query cuts
     * off the streaming result of the one before it on the same connection. Closing it closes only
     * that connection.
     */
    public ArchiveDatabase second() throws SQLException {
        Connection c = connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
        try (Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new ArchiveDatabase(archive, c, snapshot);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Characters a version may have for its partition to be named in a filter as it is in the path. */
    private static final java.util.regex.Pattern PLAIN_VERSION = java.util.regex.Pattern.compile("[A-Za-z0-9._+-]+");

    /**
     * The version partitions whose results and samples hold these runs, sorted, for a query that reads
     * only those partitions' files (a filter on the partition column lets DuckDB skip the others);
     * null (read every file) when a run is in no file or a partition's name could read back otherwise
     * than it is written (an empty version, characters beyond letters, digits and {@code ._+-}).
     */
    public String[] versionsOf(java.util.Collection<String> runIds) {
        java.util.Set<String> wanted = new java.util.HashSet<>(runIds);
        java.util.Set<String> found = new java.util.HashSet<>();
        java.util.SortedSet<String> versions = new java.util.TreeSet<>();
        for (String table : List.of("results", "samples")) {
            for (DataFile f : snapshot.files(table)) {
                for (String r : f.runIds()) {
                    if (wanted.contains(r)) {
                        if (!PLAIN_VERSION.matcher(f.version()).matches()) {
                            return null;
                        }
                        versions.add(f.version());
                        if (table.equals("results")) {
                            found.add(r);
                        }
                    }
                }
            }
        }
        return found.containsAll(wanted) ? versions.toArray(new String[0]) : null;
    }

    /** Binds {@link #versionsOf} of these runs to parameter {@code index} (NULL: every partition). */
    public void bindVersions(java.sql.PreparedStatement ps, int index, java.util.Collection<String> runIds)
            throws SQLException {
        String[] versions = versionsOf(runIds);
        if (versions == null) {
            ps.setNull(index, java.sql.Types.ARRAY);
        } else {
            ps.setArray(index, connection.createArrayOf("VARCHAR", versions));
        }
    }

    public Archive archive() {
        return archive;
    }

    /** Runs the named {@code .sql} resource with bound parameters. */
    public Table query(String sqlName, Object... params) throws SQLException {
        try {
            return run(SqlFile.load(sqlName), params);
        } catch (SQLException e) {
            throw damagedFile(e);
        }
    }

    /** A file of the archive that DuckDB cannot read is bad input (exit 2), named in the message. */
    private static SQLException damagedFile(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains(".parquet")) {
            throw new BadInputException("damaged archive file: " + m.replaceAll("\\s+", " ").trim()
                    + " (run 'benchledger archive verify')", e);
        }
        return e;
    }

    /**
     * Runs the named {@code .sql} resource over the runs {@code runIds}: {@code params} are bound first,
     * then, as the last parameter, their version partitions ({@link #versionsOf}; NULL: every one), so
     * that DuckDB reads only those partitions' files.
     */
    public Table queryOfRuns(String sqlName, java.util.Collection<String> runIds, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SqlFile.load(sqlName))) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            bindVersions(ps, params.length + 1, runIds);
            try (ResultSet rs = ps.executeQuery()) {
                return read(rs);
            }
        } catch (SQLException e) {
            throw damagedFile(e);
        }
    }

    /** Runs a statement the user typed (the {@code sql} command); errors become bad input. */
    public Table userQuery(String sql) {
        try {
            return run(sql);
        } catch (SQLException e) {
            damagedFile(e);
            throw new BadInputException("SQL error: " + e.getMessage().replaceAll("\\s+", " ").trim(), e);
        }
    }

    public Table run(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            boolean hasRows = ps.execute();
            if (!hasRows) {
                return new Table(List.of("changed"), List.of(List.of(ps.getUpdateCount())));
            }
            try (ResultSet rs = ps.getResultSet()) {
                return read(rs);
            }
        }
    }

    static Table read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> cols = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            cols.add(md.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(plain(rs.getObject(i)));
            }
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    /** JDBC values to plain Java values the formatters know (lists, maps, strings, numbers). */
    static Object plain(Object v) throws SQLException {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof java.math.BigInteger bi) {
            return bi;
        }
        if (v instanceof Array a) {
            List<Object> out = new ArrayList<>();
            for (Object o : (Object[]) a.getArray()) {
                out.add(plain(o));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), plain(e.getValue()));
            }
            return out;
        }
        if (v instanceof java.sql.Struct s) {
            List<Object> out = new ArrayList<>();
            for (Object o : s.getAttributes()) {
                out.add(plain(o));
            }
            return out;
        }
        if (v instanceof java.time.OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        return v.toString();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing to keep: the database is in memory
        }
    }
}
