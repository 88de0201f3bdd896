package io.benchledger.site.data;

import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.RunRows;
import io.benchledger.archive.query.SqlFile;
import io.benchledger.site.model.CaseInfo;
import io.benchledger.site.model.CaseSeries;
import io.benchledger.site.model.RunInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** What the site reads from the archive, through the {@code site_*.sql} queries. */
public final class SiteData implements AutoCloseable {
    private final ArchiveDatabase db;
    private final String project;
    /** The runs and cases being read beside the caller's work ({@link #prefetched}), else null. */
    private final Prefetch prefetch;

    public SiteData(ArchiveDatabase db, String project) {
        this(db, project, null);
    }

    private SiteData(ArchiveDatabase db, String project, Prefetch prefetch) {
        this.db = db;
        this.project = project;
        this.prefetch = prefetch;
    }

    /**
     * The site's data with its runs and cases read from now on, on another connection to the same
     * archive ({@link ArchiveDatabase#second}) and a thread of their own, while the caller goes on
     * (the {@code site} command builds the findings meanwhile). {@link #close} waits for that reading
     * and closes its connection.
     */
    public static SiteData prefetched(ArchiveDatabase db, String project) throws SQLException {
        ArchiveDatabase other = db.second();
        SiteData reader = new SiteData(other, project);
        CompletableFuture<List<RunInfo>> runs = new CompletableFuture<>();
        CompletableFuture<List<CaseInfo>> cases = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            read(runs, reader::runs);
            read(cases, reader::cases);
        }, "site-data");
        t.setDaemon(true);
        t.start();
        return new SiteData(db, project, new Prefetch(other, runs, cases, t));
    }

    private record Prefetch(ArchiveDatabase other, CompletableFuture<List<RunInfo>> runs,
                            CompletableFuture<List<CaseInfo>> cases, Thread thread) {
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> void read(CompletableFuture<T> into, Query<T> query) {
        try {
            into.complete(query.run());
        } catch (Throwable e) {
            into.completeExceptionally(e);
        }
    }

    private static <T> T result(CompletableFuture<T> read) throws SQLException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the site's runs and cases", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new SQLException(e.getCause());
        }
    }

    /** Waits for the reading beside ({@link #prefetched}) and closes its connection; nothing otherwise. */
    @Override
    public void close() {
        if (prefetch == null) {
            return;
        }
        try {
            prefetch.thread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        prefetch.other().close();
    }

    public ArchiveDatabase db() {
        return db;
    }

    public String project() {
        return project;
    }

    private Connection c() {
        return db.connection();
    }

    public List<RunInfo> runs() throws SQLException {
        if (prefetch != null) {
            return result(prefetch.runs());
        }
        io.benchledger.archive.format.Table t = db.query("site_runs", project);
        int inHistory = t.columns().indexOf("in_history");
        List<RunInfo> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            out.add(new RunInfo(i, RunRows.run(t, i), Boolean.TRUE.equals(t.rows().get(i).get(inHistory))));
        }
        return out;
    }

    public List<CaseInfo> cases() throws SQLException {
        if (prefetch != null) {
            return result(prefetch.cases());
        }
        List<CaseInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c().prepareStatement(SqlFile.load("site_cases"))) {
            ps.setString(1, project);
            ps.setString(2, project);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CaseInfo(rs.getString("case_key"), rs.getString("benchmark"),
                            map(rs.getObject("params")), text(rs, "mode"), text(rs, "unit"),
                            rs.getBoolean("higher_is_better"), rs.getInt("threads"), rs.getLong("points"),
                            rs.getString("last_run_id"), rs.getString("fingerprint")));
                }
            }
        }
        return out;
    }

    /**
     * Streams the histories of the given cases over the runs of {@code history} (each named by its
     * {@link RunInfo#index()}), case by case in the order given: the caller renders each and lets it
     * go, so memory stays small whatever the archive's size.
     */
    public void series(List<RunInfo> history, List<CaseInfo> cases, Consumer<CaseSeries> sink) throws SQLException {
        if (cases.isEmpty()) {
            return;
        }
        Object[] runIds = new Object[history.size()];
        Object[] runIndexes = new Object[history.size()];
        for (int i = 0; i < runIds.length; i++) {
            runIds[i] = history.get(i).run().runId();
            runIndexes[i] = history.get(i).index();
        }
        Object[] keys = new Object[cases.size()];
        Object[] places = new Object[cases.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = cases.get(i).caseKey();
            places[i] = i;
        }
        try (PreparedStatement ps = c().prepareStatement(SqlFile.load("site_series"))) {
            ps.setArray(1, c().createArrayOf("VARCHAR", runIds));
            ps.setArray(2, c().createArrayOf("INTEGER", runIndexes));
            ps.setArray(3, c().createArrayOf("VARCHAR", keys));
            ps.setArray(4, c().createArrayOf("INTEGER", places));
            ps.setString(5, project);
            try (ResultSet rs = ps.executeQuery()) {
                int current = -1;
                Builder b = null;
                while (rs.next()) {
                    int place = rs.getInt(1);
                    if (place != current) {
                        if (b != null) {
                            sink.accept(b.build());
                        }
                        current = place;
                        b = new Builder(cases.get(place));
                    }
                    b.add(rs.getInt(2), number(rs, 3), number(rs, 4), number(rs, 5));
                }
                if (b != null) {
                    sink.accept(b.build());
                }
            }
        }
    }

    /** The primary-metric samples of one run, by case key: values and weights. */
    public Map<String, double[][]> samplesOf(String runId) throws SQLException {
        Map<String, List<double[]>> rows = new HashMap<>();
        try (PreparedStatement ps = c().prepareStatement(SqlFile.load("site_run_samples"))) {
            ps.setString(1, project);
            ps.setString(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new double[] {number(rs, 2), rs.getLong(3)});
                }
            }
        }
        Map<String, double[][]> out = new HashMap<>();
        rows.forEach((k, list) -> {
            double[] v = new double[list.size()];
            double[] w = new double[list.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = list.get(i)[0];
                w[i] = list.get(i)[1];
            }
            out.put(k, new double[][] {v, w});
        });
        return out;
    }

    private static final class Builder {
        private final CaseInfo info;
        private int n;
        private int[] run = new int[16];
        private double[] score = new double[16];
        private double[] low = new double[16];
        private double[] high = new double[16];

        Builder(CaseInfo info) {
            this.info = info;
        }

        void add(int runIndex, double s, double lo, double hi) {
            if (n == run.length) {
                int cap = n * 2;
                run = java.util.Arrays.copyOf(run, cap);
                score = java.util.Arrays.copyOf(score, cap);
                low = java.util.Arrays.copyOf(low, cap);
                high = java.util.Arrays.copyOf(high, cap);
            }
            run[n] = runIndex;
            score[n] = s;
            // JMH's interval is score ± t·s/√n: for a noisy rate or time it reaches below zero, which
            // no rate or time can be; a non-negative score's interval is shown from 0
            low[n] = s >= 0 && lo < 0 ? 0 : lo;
            high[n] = hi;
            n++;
        }

        CaseSeries build() {
            return new CaseSeries(info, java.util.Arrays.copyOf(run, n), java.util.Arrays.copyOf(score, n),
                    java.util.Arrays.copyOf(low, n), java.util.Arrays.copyOf(high, n));
        }
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }

    private static double number(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : d;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        return Instant.EPOCH;
    }

    static SortedMap<String, String> map(Object o) {
        SortedMap<String, String> out = new TreeMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return out;
    }
}
