package io.benchledger.site.render;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.site.SiteContext;
import io.benchledger.site.SiteGenerator;
import io.benchledger.site.SiteManifest;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.model.RunSelection;
import io.benchledger.site.model.SiteComparison;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SafeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The comparisons a site shows: the latest run against the previous run and against the last
 * release (on the dashboard), the last release against the one before, and the user's
 * {@code --compare} pairs; and the comparisons of A/B experiments, made on request.
 *
 * @param sincePrevious null when the history has one run
 * @param sinceRelease null when there is no release before the latest run's version
 * @param listed every comparison with a page under {@code compare/}, in the order listed
 */
public record Comparisons(ComparisonView sincePrevious, ComparisonView sinceRelease, List<ComparisonView> listed) {
    static final String[] TEMPLATES = {"layout.html", "comparison.html"};

    /** The dashboard's comparisons, those present, previous run first. */
    public List<ComparisonView> dashboard() {
        List<ComparisonView> out = new ArrayList<>();
        if (sincePrevious != null) {
            out.add(sincePrevious);
        }
        if (sinceRelease != null) {
            out.add(sinceRelease);
        }
        return out;
    }

    /**
     * Makes the comparisons, querying {@code db}: the generation's database, or another connection to
     * it ({@link ArchiveDatabase#second}) when they are made beside the benchmark pages.
     */
    public static Comparisons build(SiteContext ctx, ArchiveDatabase db) throws Exception {
        Releases rel = new Releases(ctx.history());
        RunInfo latest = ctx.latest();
        List<RunInfo> history = ctx.history();
        List<ComparisonView> listed = new ArrayList<>();
        ComparisonView sincePrevious = null;
        ComparisonView sinceRelease = null;
        // the latest run, with its re-measurement when the nightly judged the two together
        RunSelection judged = ctx.analyses().judged(runSelection(latest));
        if (history.size() >= 2) {
            RunInfo prev = history.get(history.size() - 2);
            // the gate's baseline when the engine has one, so the dashboard gives the nightly summary's verdicts
            Optional<RunSelection> recent = ctx.analyses().recentBaseline(db, ctx.options().project(), judged);
            sincePrevious = recent.isPresent()
                    ? compare(ctx, db, "Latest run against the recent runs", recent.get(), judged, false)
                    : compare(ctx, db, "Latest run against the previous run", runSelection(prev), judged, false);
            listed.add(sincePrevious);
        }
        List<String> before = new ArrayList<>(rel.releases());
        before.remove(latest.run().version());
        // the findings' last release when they judged the latest run against one, so the dashboard gives the gate's verdicts
        Optional<RunSelection> release = history.size() >= 2 ? ctx.analyses().releaseBaseline(db,
                ctx.options().project(), judged) : Optional.empty();
        if (release.isPresent()) {
            sinceRelease = compare(ctx, db, "Latest run against the " + release.get().label().replace("-", " "), release.get(),
                    judged, false);
            listed.add(sinceRelease);
        } else if (!before.isEmpty() && !history.isEmpty()) {
            String last = before.get(before.size() - 1);
            sinceRelease = compare(ctx, db, "Latest run against the last release (" + last + ")", rel.release(last),
                    judged, false);
            listed.add(sinceRelease);
        }
        List<String> all = rel.releases();
        if (all.size() >= 2) {
            String a = all.get(all.size() - 2);
            String b = all.get(all.size() - 1);
            RunSelection base = rel.release(a);
            RunSelection cand = rel.release(b);
            // when the latest run is all the newest release has, this is the comparison just made against the
            // last release (same runs, same engine): one page, not a second copy of it
            boolean same = release.isEmpty() && sinceRelease != null
                    && sinceRelease.baseline().runIds().equals(base.runIds())
                    && sinceRelease.candidate().runIds().equals(cand.runIds());
            if (!same) {
                listed.add(compare(ctx, db, "Release " + b + " against " + a, base, cand, true));
            }
        }
        for (String pair : ctx.options().compare()) {
            int dots = pair.indexOf("..");
            if (dots <= 0 || dots + 2 >= pair.length()) {
                throw new BadInputException("--compare " + pair + ": expected BASELINE..CANDIDATE (versions or run ids)");
            }
            RunSelection a = selectionNamed(ctx, rel, pair.substring(0, dots), pair);
            RunSelection b = selectionNamed(ctx, rel, pair.substring(dots + 2), pair);
            listed.add(compare(ctx, db, b.label() + " against " + a.label(), a, b, true));
        }
        return new Comparisons(sincePrevious, sinceRelease, List.copyOf(listed));
    }

    static RunSelection runSelection(RunInfo r) {
        return new RunSelection("run " + Fmt.time(r.run().startedAt()) + (r.run().version().isEmpty() ? "" : " (" + r.run().version() + ")"),
                List.of(r.run().runId()));
    }

    private static RunSelection selectionNamed(SiteContext ctx, Releases rel, String name, String pair) {
        if (ctx.history().stream().anyMatch(r -> r.run().version().equals(name))) {
            return rel.version(name);
        }
        for (RunInfo r : ctx.runs()) {
            if (r.run().runId().equals(name)) {
                return new RunSelection("run " + r.run().runId(), List.of(r.run().runId()));
            }
        }
        throw new BadInputException("--compare " + pair + ": '" + name + "' is neither a version nor a run id of project '"
                + ctx.options().project() + "'");
    }

    /**
     * A comparison, computed, or kept from the last generation when {@code reusable} (its rows are
     * not needed beyond its own page), the generation is incremental, and the runs, engine,
     * templates and options it was made from are the same.
     */
    static ComparisonView compare(SiteContext ctx, ArchiveDatabase db, String title, RunSelection baseline,
                                  RunSelection candidate, boolean reusable) throws Exception {
        String name = SafeNames.of(candidate.label() + " vs " + baseline.label(),
                title + "|" + baseline.runIds() + "|" + candidate.runIds());
        String fingerprint = SafeNames.hash(String.join("\n", SiteGenerator.GENERATOR,
                ctx.templates().fingerprint(TEMPLATES), ctx.options().title(), ctx.options().project(),
                ctx.analyses().comparisonKey(), title, baseline.label(), baseline.runIds().toString(), candidate.label(),
                candidate.runIds().toString()));
        ComparisonView cv;
        Optional<SiteManifest.Comparison> before = ctx.previous().comparison(name)
                .filter(c -> reusable && c.fingerprint().equals(fingerprint));
        if (before.isPresent() && ComparisonPage.files(name).stream().allMatch(ctx.writer()::keep)) {
            cv = ComparisonView.kept(name, title, baseline, candidate, before.get().cases());
        } else {
            cv = ComparisonView.of(name, title, baseline, candidate, ctx.analyses().compare(db,
                    ctx.options().project(), baseline, candidate));
        }
        ctx.manifest().putComparison(name, new SiteManifest.Comparison(fingerprint, cv.caseCount()));
        return cv;
    }
}
