package io.benchledger.site.render;

import io.benchledger.site.SiteContext;
import io.benchledger.site.SiteGenerator;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.PageFrame;
import io.benchledger.site.pages.SafeNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code versions.html} (every version and every comparison) and one page per version ({@code v/}).
 * A version page is as of its version's own latest run, so a run of another version leaves it
 * unchanged; an incremental generation keeps it without rendering when its inputs are the same.
 */
public final class VersionPages {
    static final String[] TEMPLATES = {"layout.html", "version.html"};

    /** versions.html. */
    public record IndexView(DataTable table, DataTable comparisons) {
    }

    /** v/&lt;version&gt;.html: the version's runs and the comparisons it takes part in. */
    public record VersionView(String version, DataTable table, List<Link> comparisonLinks) {
    }

    private VersionPages() {
    }

    /** Renders versions.html and the version pages whose inputs changed; returns how many version pages were rendered. */
    public static int render(SiteContext ctx, Comparisons comparisons) throws IOException {
        String templateHash = ctx.templates().fingerprint(TEMPLATES);
        int rendered = 0;
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
            if (versionPage(ctx, comparisons, ver, vr, file, templateHash)) {
                rendered++;
            }
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
        return rendered;
    }

    /** Renders a version page, or keeps it when its inputs are those of the last generation; true when rendered. */
    private static boolean versionPage(SiteContext ctx, Comparisons comparisons, String version, List<RunInfo> vr,
                                       String file, String templateHash) throws IOException {
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
        // as of the version's own latest run, so that a run of another version leaves the page as it is
        PageFrame frame = ctx.frame("../", "Version " + version, "versions")
                .withAsOf(Fmt.time(vr.get(vr.size() - 1).run().finishedAt()));
        VersionView view = new VersionView(Releases.label(version), t, links);
        // the frame and the view are records of strings and lists: with the templates they are all the
        // page and its downloads are made from
        String fingerprint = SafeNames.hash(String.join("\n", SiteGenerator.GENERATOR, templateHash, frame.toString(),
                view.toString()));
        ctx.manifest().putVersion(file, fingerprint);
        if (ctx.previous().version(file).filter(fingerprint::equals).isPresent()
                && ctx.writer().keep(file)
                && ctx.writer().keep(t.downloads() + ".csv")
                && ctx.writer().keep(t.downloads() + ".json")) {
            return false;
        }
        ctx.page(file, "version.html", frame, view, List.of(t));
        return true;
    }
}
