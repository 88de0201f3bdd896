package io.benchledger.site.render;

import io.benchledger.site.SiteContext;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.PageFrame;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code compare/<name>.html}: one comparison's forest plot and table. */
public final class ComparisonPage {

    /** The page as comparison.html reads it. */
    public record View(ComparisonView cmp, DataTable table, int baselineRuns, int candidateRuns,
                       ComparisonTables.VerdictCounts counts) {
    }

    private ComparisonPage() {
    }

    /** The files of a comparison's page, as {@link #render} writes them. */
    static List<String> files(String name) {
        return List.of("compare/" + name + ".html", "charts/compare-" + name + ".js", "downloads/compare-" + name + ".csv",
                "downloads/compare-" + name + ".json");
    }

    /** A comparison's page, its chart data and its table's downloads (a kept comparison keeps its files instead). */
    public static void render(SiteContext ctx, ComparisonView cv) throws IOException {
        String root = "../";
        String id = "compare-" + cv.name();
        DataTable t = ComparisonTables.table(cv, id, root);
        // as of its own newest run, so that an unchanged comparison's page stays byte-identical
        String asOf = Fmt.time(Stream.concat(cv.baseline().runIds().stream(), cv.candidate().runIds().stream())
                .map(ctx::run).flatMap(Optional::stream).map((RunInfo r) -> r.run().finishedAt())
                .max(Comparator.naturalOrder()).orElse(ctx.latest().run().finishedAt()));
        PageFrame frame = ctx.frame(root, cv.title(), "versions").withAsOf(asOf).withCharts(root + "charts/" + id + ".js");
        ctx.writer().write("charts/" + id + ".js", ComparisonTables.chart(cv));
        ctx.page("compare/" + cv.name() + ".html", "comparison.html", frame,
                new View(cv, t, cv.baseline().runIds().size(), cv.candidate().runIds().size(),
                        ComparisonTables.VerdictCounts.of(cv)), List.of(t));
    }
}
