package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.analysis.history.RunPoint;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.CasePattern;
import io.benchledger.cli.ExitCodes;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "changes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the change points (steps) of every case's history (E-Divisive means, each step tested",
                "against the local trend), largest relative change first, then its drifts: stretches whose level",
                "moved steadily, run after run. A drift is an alert when its total change passes its case's",
                "threshold (--config, --threshold); smaller ones are listed as information. Acknowledged change",
                "points and drifts ('benchledger ack') are left out.",
                "A new run re-examines only the tail of the series it measured and reuses the others' findings:",
                "the state and findings of the last analysis are kept in the archive under analysis/."},
        footer = {"", "Exit codes: 0 ok; 1 with --fail-on regression when a regression is listed; 2 bad input; 3 failure."})
public final class ChangesCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    DetectorOptions detector;
    @Mixin
    DriftThresholdOptions thresholds;
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "PATTERN", arity = "0..1",
            description = "Only cases this selects: a case key, or a benchmark name as you would type it, with or "
                    + "without its package and parameters (AesGcmBenchmark.encrypt), with * and ? as wildcards.")
    String pattern;

    @Option(names = "--since", paramLabel = "VERSION|DATE",
            description = "Only change points after this version's last run, or at or after this date "
                    + "(YYYY-MM-DD, UTC) or instant (ISO-8601).")
    String since;

    @Option(names = "--fail-on", paramLabel = "DIRECTION",
            description = "Exit 1 when a listed change point or alerting drift is a regression (the only value: regression).")
    FailOn failOn;

    @Option(names = "--include-acknowledged", description = "List acknowledged change points and drifts too.")
    boolean includeAcknowledged;

    @Option(names = "--no-cache", description = "Analyse every series from scratch and leave the cache alone.")
    boolean noCache;

    enum FailOn { regression }

    @Override
    public Integer call() throws Exception {
        Archive archive = archiveOptions.openExisting();
        ChangePointAnalysis.Outcome out = ChangePointAnalysis.run(archive, archiveOptions.project, detector.settings(),
                !noCache);
        List<ChangePoint> list = new ArrayList<>(out.changePoints());
        if (includeAcknowledged) {
            list.addAll(out.acknowledged());
            list.sort(ChangePointAnalysis.LARGEST_FIRST);
        }
        List<Drift> drifts = new ArrayList<>(out.drifts(thresholds.options(archiveOptions.project)));
        if (!includeAcknowledged) {
            drifts.removeIf(d -> d.acknowledged() && !d.alert());
        }
        if (pattern != null) {
            CasePattern p = CasePattern.of(pattern);
            list.removeIf(c -> !p.matches(c.caseKey()));
            drifts.removeIf(d -> !p.matches(d.caseKey()));
        }
        if (since != null) {
            Instant cutoff = cutoff(since, out.history());
            boolean inclusive = isDate(since);
            list.removeIf(c -> inclusive ? c.time().isBefore(cutoff) : !c.time().isAfter(cutoff));
            // a drift counts as new while it still went on after the cutoff
            drifts.removeIf(d -> inclusive ? d.endTime().isBefore(cutoff) : !d.endTime().isAfter(cutoff));
        }
        print(list, drifts, formatOption.format);
        long regressions = list.stream().filter(c -> ChangePoint.REGRESSION.equals(c.direction())).count();
        long driftAlerts = drifts.stream().filter(Drift::alert).count();
        long driftRegressions = drifts.stream().filter(d -> d.alert() && ChangePoint.REGRESSION.equals(d.direction()))
                .count();
        System.err.printf("changes: %d change point%s (%d regression%s, %d improvement%s) in %d series of %d runs; "
                        + "%d acknowledged%n", list.size(), list.size() == 1 ? "" : "s", regressions,
                regressions == 1 ? "" : "s", list.size() - regressions, list.size() - regressions == 1 ? "" : "s",
                out.history().series().size(), out.history().runs().size(), out.acknowledged().size());
        System.err.printf("changes: %d drift%s: %d alert%s (%d regression%s, %d improvement%s), %d below the threshold%n",
                drifts.size(), drifts.size() == 1 ? "" : "s", driftAlerts, driftAlerts == 1 ? "" : "s", driftRegressions,
                driftRegressions == 1 ? "" : "s", driftAlerts - driftRegressions,
                driftAlerts - driftRegressions == 1 ? "" : "s", drifts.size() - driftAlerts);
        if (GlobalOptions.verbose()) {
            System.err.printf("changes: %d of %d series from the cache (%d of them measured by no new run, not"
                            + " examined again; the others only at their tail); %d windows computed%n",
                    out.incrementalSeries(), out.history().series().size(), out.reusedSeries(), out.windowsExamined());
        }
        return failOn == FailOn.regression && regressions + driftRegressions > 0 ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }

    static boolean isDate(String s) {
        return s.matches("\\d{4}-\\d{2}-\\d{2}") || s.matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    /** The instant after which change points count as new. */
    static Instant cutoff(String since, History history) {
        if (since.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadInputException("--since " + since + ": not a valid date (expected YYYY-MM-DD)");
            }
        }
        if (isDate(since)) {
            try {
                return Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new BadInputException("--since " + since + ": not a valid ISO-8601 instant (e.g. 2026-01-31T12:00:00Z)");
            }
        }
        Instant last = null;
        for (RunPoint r : history.runs()) {
            if (r.version().equals(since) && (last == null || r.time().isAfter(last))) {
                last = r.time();
            }
        }
        if (last == null) {
            throw new BadInputException("--since " + since + ": no run of version '" + since + "' in project '"
                    + history.project() + "' (give a version that has runs, or a date YYYY-MM-DD)");
        }
        return last;
    }

    static void print(List<ChangePoint> list, List<Drift> drifts, OutputFormat format) {
        if (format == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("change_points", list.stream().map(ChangePointJson::of).toList());
            doc.put("drifts", drifts.stream().map(DriftJson::of).toList());
            System.out.print(TableFormatter.json(doc));
            return;
        }
        List<String> cols = List.of("case_key", "metric", "direction", "change", "before", "after", "p_value", "index",
                "version", "commit", "time", "run_id");
        List<List<Object>> rows = new ArrayList<>();
        for (ChangePoint c : list) {
            Object change = format == OutputFormat.CSV ? (Object) c.change() : TableFormatter.percent(c.change());
            String commit = format == OutputFormat.CSV || c.commit().length() <= 12 ? c.commit() : c.commit().substring(0, 12);
            // p-values reach 1e-100: the text formats show three significant digits, CSV the full double
            Object p = format == OutputFormat.CSV ? (Object) c.pValue() : TableFormatter.probability(c.pValue());
            rows.add(new ArrayList<>(List.of(c.caseKey(), c.metric(), c.direction(), change, c.before(), c.after(),
                    p, c.index(), c.version(), commit, c.time().toString(), c.runId())));
        }
        System.out.print(TableFormatter.format(new Table(cols, rows), format));
        if (drifts.isEmpty()) {
            return;
        }
        // the drifts as a second table: in CSV a blank line separates the two, as in the text formats
        List<String> dcols = List.of("case_key", "metric", "direction", "drift", "alert", "threshold", "per_run",
                "per_day", "before", "after", "p_value", "from_index", "to_index", "from_version", "to_version",
                "from_time", "to_time");
        List<List<Object>> drows = new ArrayList<>();
        for (Drift d : drifts) {
            boolean csv = format == OutputFormat.CSV;
            Object perDay = !Double.isFinite(d.changePerDay()) ? "n/a"
                    : csv ? (Object) d.changePerDay() : TableFormatter.rate(d.changePerDay());
            drows.add(new ArrayList<>(List.of(d.caseKey(), d.metric(), d.direction(),
                    csv ? d.change() : TableFormatter.percent(d.change()), DriftJson.alertWord(d),
                    !Double.isFinite(d.threshold()) ? "n/a" : csv ? (Object) d.threshold()
                            : TableFormatter.percent(d.threshold()).replace("+", "") + " " + d.thresholdSource(),
                    csv ? d.changePerRun() : TableFormatter.rate(d.changePerRun()), perDay, d.before(), d.after(),
                    csv ? (Object) d.pValue() : TableFormatter.probability(d.pValue()),
                    d.startIndex(), d.endIndex(), d.startVersion(), d.endVersion(), d.startTime().toString(),
                    d.endTime().toString())));
        }
        System.out.println();
        System.out.print(TableFormatter.format(new Table(dcols, drows), format));
    }
}
