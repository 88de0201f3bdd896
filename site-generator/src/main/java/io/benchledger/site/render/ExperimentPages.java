package io.benchledger.site.render;

import io.benchledger.site.SiteContext;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.model.RunSelection;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SafeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code ab.html} (every A/B experiment) and one page per experiment ({@code ab/}): each variant against the baseline. */
public final class ExperimentPages {

    /** ab.html. */
    public record IndexView(DataTable table) {
    }

    /** ab/&lt;experiment&gt;.html. */
    public record ExperimentView(String experiment, Set<String> variants, DataTable runsTable, List<Section> sections) {
    }

    /** One variant against the baseline. */
    public record Section(ComparisonView cmp, DataTable table, ComparisonTables.VerdictCounts counts) {
    }

    private ExperimentPages() {
    }

    public static void render(SiteContext ctx) throws Exception {
        Map<String, List<RunInfo>> experiments = new TreeMap<>();
        for (RunInfo r : ctx.runs()) {
            if (r.isAb()) {
                String key = r.run().labels().getOrDefault("experiment", "");
                if (key.isEmpty()) {
                    key = (r.run().suite().isEmpty() ? "suite" : r.run().suite()) + " @ " + (r.run().version().isEmpty() ? "?" : r.run().version());
                }
                experiments.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, List<RunInfo>> e : experiments.entrySet()) {
            TreeMap<String, List<String>> variants = new TreeMap<>();
            for (RunInfo r : e.getValue()) {
                variants.computeIfAbsent(r.run().variant().isEmpty() ? "(none)" : r.run().variant(), k -> new ArrayList<>()).add(r.run().runId());
            }
            String file = "ab/" + SafeNames.of("experiment " + e.getKey()) + ".html";
            List<String> names = new ArrayList<>(variants.keySet());
            String base = names.contains("A") ? "A" : names.contains("baseline") ? "baseline" : names.get(0);
            List<ComparisonView> views = new ArrayList<>();
            for (String n : names) {
                if (!n.equals(base)) {
                    views.add(Comparisons.compare(ctx, ctx.data().db(),
                            "Variant " + n + " against " + base + " (" + e.getKey() + ")",
                            new RunSelection(base, variants.get(base)), new RunSelection(n, variants.get(n)), false));
                }
            }
            experimentPage(ctx, e.getKey(), e.getValue(), variants, views, file);
            rows.add(List.of(Cell.link(e.getKey(), file).raw(e.getKey()), Cell.of(String.join(", ", names)),
                    Cell.num(e.getValue().size(), Integer.toString(e.getValue().size())),
                    Cell.of(Fmt.time(e.getValue().get(0).run().startedAt())).raw(e.getValue().get(0).run().startedAt().toString())));
        }
        DataTable t = new DataTable("experiments", "A/B experiments (runs with trigger ab, grouped by their experiment label)",
                List.of(Col.text("Experiment"), Col.text("Variants"), Col.num("Runs"), Col.text("Started")),
                rows, "downloads/experiments");
        ctx.page("ab.html", "experiments.html", ctx.frame("", "A/B experiments", "ab"), new IndexView(t), List.of(t));
    }

    private static void experimentPage(SiteContext ctx, String key, List<RunInfo> expRuns,
                                       Map<String, List<String>> variants, List<ComparisonView> views, String file)
            throws Exception {
        String id = SafeNames.of("experiment " + key);
        DataTable runsTable = RunTable.of(ctx, "ab-" + id + "-runs", "Runs of experiment " + key, expRuns, "../",
                "downloads/ab/" + id + "-runs");
        List<DataTable> tables = new ArrayList<>();
        tables.add(runsTable);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            ComparisonView cv = views.get(i);
            DataTable t = ComparisonTables.table(cv, "ab-" + id + "-" + i, "../");
            tables.add(t);
            sections.add(new Section(cv, t, ComparisonTables.VerdictCounts.of(cv)));
        }
        ctx.page(file, "experiment.html", ctx.frame("../", "Experiment " + key, "ab"),
                new ExperimentView(key, variants.keySet(), runsTable, sections), tables);
    }
}
