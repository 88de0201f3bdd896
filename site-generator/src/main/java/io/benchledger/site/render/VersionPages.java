package io.benchledger.site.render;

import io.benchledger.site.SiteContext;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SafeNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code versions.html} (every version and every comparison) and one page per version ({@code v/}). */
public final class VersionPages {

    /** versions.html. */
    public record IndexView(DataTable table, DataTable comparisons) {
    }

    /** v/&lt;version&gt;.html: the version's runs and the comparisons it takes part in. */
    public record VersionView(String version, DataTable table, List<Link> comparisonLinks) {
    }

    private VersionPages() {
    }

    public static void render(SiteContext ctx, Comparisons comparisons) throws IOException {
        Releases releases = new Releases(ctx.history());
        List<String> rel = releases.releases();
        List<List<Cell>> rows = new ArrayList<>();
        for (String ver : releases.versions()) {
            List<RunInfo> vr = releases.runsOf(ver);
            String file = "v/" + SafeNames.of("version " + ver) + ".html";
            rows.add(List.of(Cell.link(Releases.label(ver), file).raw(ver),
                    Cell.of(rel.contains(ver) ? "yes" : "no"),
                    Cell.num(vr.size(), Integer.toString(vr.size())),
                    Cell.of(Fmt.time(vr.get(0).run().startedAt())).raw(vr.get(0).run().startedAt().toString()),
                    Cell.of(Fmt.time(vr.get(vr.size() - 1).run().startedAt())).raw(vr.get(vr.size() - 1).run().startedAt().toString())));
            versionPage(ctx, comparisons, ver, vr, file);
        }
        DataTable t = new DataTable("versions", "Versions, oldest first",
                List.of(Col.text("Version"), Col.text("Release"), Col.num("Runs"), Col.text("First run"), Col.text("Last run")),
                rows, "downloads/versions");
        List<List<Cell>> crow = new ArrayList<>();
        for (ComparisonView cv : comparisons.listed()) {
            crow.add(List.of(Cell.link(cv.title(), "compare/" + cv.name() + ".html"),
                    Cell.of(cv.baseline().label()), Cell.of(cv.candidate().label()),
                    Cell.num(cv.caseCount(), Integer.toString(cv.caseCount()))));
        }
        DataTable ct = new DataTable("comparisons", "Comparisons",
                List.of(Col.text("Comparison"), Col.text("Baseline"), Col.text("Candidate"), Col.num("Cases")), crow, "downloads/comparisons");
        ctx.page("versions.html", "versions.html", ctx.frame("", "Versions", "versions"), new IndexView(t, ct),
                List.of(t, ct));
    }

    private static void versionPage(SiteContext ctx, Comparisons comparisons, String version, List<RunInfo> vr,
                                    String file) throws IOException {
        String id = SafeNames.of("version " + version);
        DataTable t = RunTable.of(ctx, "v-" + id + "-runs", "Runs of version " + Releases.label(version), vr, "../",
                "downloads/v/" + id + "-runs");
        List<Link> links = new ArrayList<>();
        for (ComparisonView cv : comparisons.listed()) {
            if (cv.baseline().label().equals(version) || cv.candidate().label().equals(version)
                    || cv.candidate().runIds().stream().anyMatch(rid -> vr.stream().anyMatch(r -> r.run().runId().equals(rid)))) {
                links.add(new Link(cv.title(), "../compare/" + cv.name() + ".html"));
            }
        }
        ctx.page(file, "version.html", ctx.frame("../", "Version " + version, "versions"),
                new VersionView(Releases.label(version), t, links), List.of(t));
    }
}
