package io.benchledger.site.render;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.site.SiteContext;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.Fmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * {@code feed.xml}: an Atom feed of the newest change points and of the regressions of the
 * dashboard's comparisons. Entry ids are name-based UUIDs, so a reader sees each change once.
 */
public final class AtomFeed {
    private static final int MAX_CHANGE_POINTS = 100;

    /** The feed as feed.xml reads it. */
    public record Feed(String title, String id, String updated, String self, String home, List<Entry> entries) {
    }

    /** One entry; {@code updated} is an ISO-8601 instant. */
    public record Entry(String id, String title, String updated, String href, String summary) {
    }

    private AtomFeed() {
    }

    public static void render(SiteContext ctx, Comparisons comparisons) throws IOException {
        String base = ctx.options().baseUrl();
        List<Entry> entries = new ArrayList<>();
        List<ChangePoint> all = ctx.changePoints().newestFirst();
        for (ChangePoint cp : all.subList(0, Math.min(MAX_CHANGE_POINTS, all.size()))) {
            entries.add(new Entry(uuid("changepoint\u0000" + cp.caseKey() + "\u0000" + cp.runId()),
                    (ChangePoint.REGRESSION.equals(cp.direction()) ? "Regression " : "Improvement ")
                            + Fmt.pct(cp.change()) + ": " + cp.caseKey(),
                    cp.time().toString(), base + BenchmarkPage.pageFile(cp.benchmark()),
                    cp.caseKey() + " changed from " + Fmt.num(cp.before()) + " to " + Fmt.num(cp.after())
                            + " (" + Fmt.pct(cp.change()) + ", p = " + Fmt.p(cp.pValue()) + ") at version " + cp.version()
                            + (cp.commit().isEmpty() ? "" : ", commit " + cp.commit())));
        }
        for (ComparisonView cv : comparisons.dashboard()) {
            for (ComparisonView.Row r : cv.rows()) {
                if (!"regressed".equals(r.verdict())) {
                    continue;
                }
                // a secondary metric (gc.alloc.rate.norm) is its own entry, named; the score's id is as before
                String subject = r.primary() ? r.caseKey() : r.caseKey() + " \u00b7 " + r.metric();
                entries.add(new Entry(uuid("regression\u0000" + subject + "\u0000" + cv.baseline().runIds()
                                + cv.candidate().runIds()),
                        "Regression " + Fmt.pct(r.change()) + ": " + subject + " (" + cv.title() + ")",
                        ctx.latest().run().finishedAt().toString(), base + "compare/" + cv.name() + ".html",
                        subject + ": " + Fmt.num(r.baselineCentre()) + " \u2192 " + Fmt.num(r.candidateCentre())
                                + " " + r.unit() + " (" + Fmt.pct(r.change()) + ", interval " + Fmt.interval(r.ciLow(), r.ciHigh())
                                + ", q = " + Fmt.p(r.qValue()) + ", " + r.severity() + ")"));
            }
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id));
        Feed feed = new Feed(ctx.options().title() + ": changes",
                uuid("feed\u0000" + ctx.options().project() + "\u0000" + base),
                ctx.latest().run().finishedAt().toString(), base + "feed.xml", base.isEmpty() ? "index.html" : base, entries);
        ctx.writer().write("feed.xml", ctx.templates().render("feed.xml", feed));
    }

    private static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
