package io.benchledger.site.render;

import io.benchledger.site.SiteContext;
import io.benchledger.site.model.CaseInfo;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code benchmarks.html}: every benchmark with its series, units, results and change points. */
public final class BenchmarkIndex {

    /** The page as benchmarks.html reads it. */
    public record View(DataTable table) {
    }

    private BenchmarkIndex() {
    }

    public static void render(SiteContext ctx, Map<String, List<CaseInfo>> byBenchmark) throws IOException {
        boolean analysed = ctx.changePoints().analysed();
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, List<CaseInfo>> e : byBenchmark.entrySet()) {
            long points = e.getValue().stream().mapToLong(CaseInfo::points).sum();
            long cps = e.getValue().stream().mapToLong(c -> ctx.changePoints().of(c.caseKey()).size()).sum();
            TreeSet<String> units = new TreeSet<>();
            e.getValue().forEach(c -> units.add(c.unit()));
            rows.add(List.of(Cell.link(e.getKey(), BenchmarkPage.pageFile(e.getKey())).raw(e.getKey()),
                    Cell.num(e.getValue().size(), Integer.toString(e.getValue().size())),
                    Cell.of(String.join(", ", units)),
                    Cell.num(points, Long.toString(points)),
                    Cell.num(cps, analysed ? Long.toString(cps) : "\u2013")));
        }
        DataTable t = new DataTable("benchmarks", "Benchmarks",
                List.of(Col.text("Benchmark"), Col.num("Series"), Col.text("Unit"), Col.num("Results"),
                        Col.num("Change points")), rows, "downloads/benchmarks");
        ctx.page("benchmarks.html", "benchmarks.html", ctx.frame("", "Benchmarks", "benchmarks"), new View(t), List.of(t));
    }
}
