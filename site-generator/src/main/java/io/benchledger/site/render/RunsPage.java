package io.benchledger.site.render;

import io.benchledger.site.SiteContext;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.CellView;
import io.benchledger.site.pages.SafeNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code runs.html}: every run newest first, with the places where the environment changed marked. */
public final class RunsPage {

    /** The page as runs.html reads it. */
    public record View(DataTable.View view, List<Row> rows) {
    }

    /** One run: its anchor, its cells, and what changed in the environment since the run before (or empty). */
    public record Row(String anchor, List<CellView> cells, String envChange) {
    }

    private RunsPage() {
    }

    public static void render(SiteContext ctx) throws IOException {
        List<RunInfo> runs = ctx.runs();
        int[] env = ctx.environmentIds();
        List<String> envChange = new ArrayList<>();
        RunInfo prev = null;
        for (RunInfo r : runs) {
            envChange.add(prev != null && r.inHistory() && env[prev.index()] != env[r.index()]
                    ? r.environmentChangeFrom(prev) : "");
            if (r.inHistory()) {
                prev = r;
            }
        }
        List<RunInfo> newestFirst = new ArrayList<>(runs);
        java.util.Collections.reverse(newestFirst);
        DataTable t = RunTable.of(ctx, "runs", "Runs, newest first", newestFirst, "", "downloads/runs");
        DataTable.View view = t.view();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            RunInfo r = newestFirst.get(i);
            rows.add(new Row(SafeNames.anchor(r.run().runId()), view.rows().get(i), envChange.get(r.index())));
        }
        ctx.page("runs.html", "runs.html", ctx.frame("", "Runs", "runs"), new View(view, rows), List.of(t));
    }
}
