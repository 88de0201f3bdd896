package io.benchledger.site.render;

import io.benchledger.archive.store.DataFile;
import io.benchledger.site.SiteContext;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SiteWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data.html}: the project's archive files published under {@code data/} (Hive layout, so
 * any Parquet engine reads them), a DuckDB {@code setup.sql} naming them, and example queries.
 */
public final class DataPage {

    /** The page as data.html reads it; {@code base} is the site's address or a placeholder. */
    public record View(DataTable table, List<Query> queries, String baseUrl, String base, boolean samples,
                       String samplesSize) {
    }

    /** An example query. */
    public record Query(String title, String sql) {
    }

    private DataPage() {
    }

    public static void render(SiteContext ctx) throws IOException {
        SiteWriter writer = ctx.writer();
        String project = ctx.options().project();
        List<List<Cell>> rows = new ArrayList<>();
        Map<String, List<String>> urls = new LinkedHashMap<>();
        String base = ctx.options().baseUrl().isEmpty() ? "https://ORG.github.io/REPO/" : ctx.options().baseUrl();
        writer.copyImmutable(ctx.data().db().archive().layout().manifest(), "data/archive.json");
        boolean samples = ctx.options().publishSamples();
        long samplesBytes = 0;
        for (String table : List.of("runs", "results", "samples")) {
            List<String> list = new ArrayList<>();
            for (DataFile f : ctx.data().db().snapshot().files(table)) {
                if (!f.project().equals(project)) {
                    continue;
                }
                if (table.equals("samples") && !samples) {
                    samplesBytes += f.bytes();
                    continue;
                }
                String rel = "data/" + table + "/" + seg("project=" + f.project()) + "/" + seg("version=" + f.version())
                        + "/" + seg(f.path().getFileName().toString());
                writer.copyImmutable(f.path(), "data/" + table + "/project=" + f.project() + "/version=" + f.version()
                        + "/" + f.path().getFileName());
                list.add(base + rel);
                rows.add(List.of(Cell.of(table), Cell.of(f.version()),
                        Cell.link(f.path().getFileName().toString(), rel),
                        Cell.num(f.bytes(), Fmt.bytes(f.bytes())).raw(Long.toString(f.bytes()))));
            }
            if (!list.isEmpty() || !table.equals("samples")) {
                urls.put(table, list);
            }
        }
        writer.write("data/setup.sql", setupSql(project, urls));
        String latestResults = urls.get("results").isEmpty() ? base + "data/results/..."
                : lastMatching(urls.get("results"), ctx.latest());
        List<Query> queries = new ArrayList<>(List.of(
                new Query("Open the whole archive (creates views runs, results, samples)",
                        "-- in a shell: download setup.sql and start the DuckDB CLI with it\n"
                                + "curl -sO " + base + "data/setup.sql && duckdb -init setup.sql\n"
                                + "-- or, inside DuckDB, after downloading it:\n.read setup.sql"),
                new Query("The latest run's results, straight from the published file",
                        "SELECT benchmark, params, mode, score, score_error, unit\nFROM read_parquet("
                                + sqlString(latestResults) + ")\nWHERE metric = 'primary'\nORDER BY benchmark;"),
                new Query("Mean score per benchmark and version (after setup.sql)",
                        "SELECT benchmark, version, avg(score) AS mean_score, count(*) AS results\nFROM results\n"
                                + "WHERE metric = 'primary'\nGROUP BY ALL\nORDER BY benchmark, version;")));
        if (urls.containsKey("samples")) {
            queries.add(new Query("Raw samples of one benchmark, with the run's version and commit (after setup.sql)",
                        "SELECT r.version, r.commit, s.fork, s.iteration, s.value, s.weight\nFROM samples s\n"
                                + "JOIN runs r USING (run_id)\nJOIN results x ON x.run_id = s.run_id AND x.case_key = s.case_key AND x.metric = s.metric\n"
                                + "WHERE x.benchmark = 'your.Benchmark.name' AND s.metric = 'primary'\nORDER BY r.started_at, s.fork, s.iteration;"));
        }
        DataTable t = new DataTable("archive-files", "Archive files of project " + project,
                List.of(Col.text("Table"), Col.text("Version"), Col.text("File"), Col.num("Size")), rows,
                "downloads/archive-files");
        ctx.page("data.html", "data.html", ctx.frame("", "Data", "data"),
                new View(t, queries, ctx.options().baseUrl(), base, urls.containsKey("samples"),
                        samplesBytes == 0 ? "" : Fmt.bytes(samplesBytes)), List.of(t));
    }

    /** DuckDB views over the published files (web servers cannot list folders, so each file is named). */
    private static String setupSql(String project, Map<String, List<String>> urls) {
        StringBuilder setup = new StringBuilder();
        setup.append("-- DuckDB: views over the published archive of project ").append(project)
                .append(" (web servers cannot list folders, so the files are named one by one;\n")
                .append("-- the DuckDB CLI loads its httpfs extension by itself for http(s) addresses)\n");
        for (Map.Entry<String, List<String>> e : urls.entrySet()) {
            setup.append("CREATE OR REPLACE VIEW ").append(e.getKey()).append(" AS SELECT * FROM read_parquet([");
            for (int i = 0; i < e.getValue().size(); i++) {
                setup.append(i > 0 ? ",\n    " : "\n    ").append(sqlString(e.getValue().get(i)));
            }
            setup.append("\n], hive_partitioning = true, union_by_name = true);\n");
        }
        return setup.toString();
    }

    private static String lastMatching(List<String> urls, RunInfo latest) {
        for (String u : urls) {
            if (u.endsWith("/" + latest.run().runId() + ".parquet")) {
                return u;
            }
        }
        return urls.get(urls.size() - 1);
    }

    /** One URL path segment: reserved characters percent-encoded, '=' kept for Hive partitions. */
    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3D", "=");
    }

    private static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
