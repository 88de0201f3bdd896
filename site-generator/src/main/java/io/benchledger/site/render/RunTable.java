package io.benchledger.site.render;

import io.benchledger.site.SiteContext;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SafeNames;
import java.util.ArrayList;
import java.util.List;

/** A table of runs, one row per run, as the runs, version and experiment pages show it. */
final class RunTable {
    private RunTable() {
    }

    static List<Col> columns() {
        return List.of(Col.text("Started"), Col.text("Run"), Col.text("Version"), Col.text("Trigger"),
                Col.text("Variant"), Col.text("Commit"), Col.text("Branch"), Col.text("Environment"),
                Col.text("Host"), Col.text("OS / arch"), Col.text("CPU"), Col.num("CPUs"), Col.text("JVM"),
                Col.text("JVM args"), Col.text("Harness"), Col.num("Duration (s)"), Col.text("Message"));
    }

    static List<Cell> row(SiteContext ctx, RunInfo r, String root) {
        return List.of(
                Cell.link(Fmt.time(r.run().startedAt()), root + "runs.html#" + SafeNames.anchor(r.run().runId())).raw(r.run().startedAt().toString()),
                Cell.of(r.run().runId()), Cell.of(r.run().version()), Cell.of(r.run().trigger()), Cell.of(r.run().variant()),
                r.run().commit().isEmpty() ? Cell.of("") : Cell.link(r.shortCommit(), ctx.commitHref(r, root)).raw(r.run().commit()),
                Cell.of(r.run().branch()), Cell.of(r.run().environment()), Cell.of(r.run().host()),
                Cell.of((r.run().os() + " " + r.run().arch()).strip()), Cell.of(r.run().cpuModel()),
                Cell.num(r.run().cpuCount(), r.run().cpuCount() > 0 ? Integer.toString(r.run().cpuCount()) : "\u2013"),
                Cell.of((r.run().jvmVendor() + " " + r.run().jvmVersion()).strip()), Cell.of(r.run().jvmArgs()),
                Cell.of((r.run().harness() + " " + r.run().harnessVersion()).strip()),
                Cell.num(r.durationSeconds(), Fmt.seconds(r.durationSeconds())),
                Cell.of(r.message()));
    }

    /** The given runs in the given order. */
    static DataTable of(SiteContext ctx, String id, String caption, List<RunInfo> runs, String root, String downloads) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RunInfo r : runs) {
            rows.add(row(ctx, r, root));
        }
        return new DataTable(id, caption, columns(), rows, downloads);
    }
}
