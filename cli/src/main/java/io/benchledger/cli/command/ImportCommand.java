package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.CommitOutcome;
import io.benchledger.archive.store.PartitionValues;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.ToolVersion;
import io.benchledger.collector.importer.Importers;
import io.benchledger.collector.importer.SourceReader;
import io.benchledger.collector.importer.Sources;
import io.benchledger.collector.importer.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Appends results that other tools wrote to the archive as runs (trigger 'import').",
                "",
                "Formats, detected from the content (or named with --format-in):",
                "  jmh                      JMH's JSON result file (-rf json)",
                "  github-action-benchmark  the action's history (data.js, or its JSON)",
                "  google-benchmark         --benchmark_format=json output",
                "  pytest-benchmark         --benchmark-json output or a saved .benchmarks run",
                "  hyperfine                --export-json output",
                "  benchmarkdotnet          the full JSON export (*-report-full.json)",
                "  criterion                a target/criterion folder",
                "  go-bench                 go test -bench output",
                "",
                "A folder imports every result file in it, a Criterion tree as one source.",
                "Every source is read before anything is written: a bad source leaves the",
                "archive unchanged (exit 2) unless --skip-bad is given. Importing the same",
                "source again adds nothing. See docs/importing.md."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  benchledger import gh-pages/dev/bench/data.js",
                "  benchledger import --project-version 1.4.0 --time 2024-05-01T12:00:00Z bench.txt",
                "  benchledger import --skip-bad results/"})
public final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Option(names = "--format-in", paramLabel = "FORMAT",
            description = "Read every source as this format instead of detecting it.")
    String formatIn;

    @Option(names = "--project-version", paramLabel = "V",
            description = "Version of the imported runs (default: " + io.benchledger.collector.importer.RunStart.DEFAULT_VERSION + ").")
    String version;

    @Option(names = "--commit", paramLabel = "C", description = "Commit of runs whose source names none.")
    String commit;

    @Option(names = "--time", paramLabel = "ISO-8601",
            description = "Time of runs whose source carries none (default: the file's modification time).")
    String time;

    @Option(names = "--skip-bad", description = "Import the good sources and list the bad ones on stderr.")
    boolean skipBad;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Result files or folders.")
    List<Path> paths;

    private static String sourceKey(SourceReader.Read g) {
        String project = g.runs().isEmpty() ? "" : g.runs().get(0).run().project();
        return project + "\u0000" + g.sha256();
    }

    /**
     * Sources whose content hash the archive holds in the same project although none of their run
     * ids is there: source key → how many runs came from it. Empty without asking DuckDB when the
     * archive has no runs yet.
     */
    private static Map<String, Integer> earlierImports(Archive archive, List<SourceReader.Read> reads) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        Set<String> committed = archive.snapshot().committedRuns();
        // only a source none of whose runs is present can have been imported under other ids;
        // DuckDB is asked only then (re-importing a history whose ids are all present skips it)
        List<SourceReader.Read> candidates = reads.stream()
                .filter(g -> !g.runs().isEmpty() && g.runs().stream().noneMatch(r -> committed.contains(r.run().runId())))
                .toList();
        if (committed.isEmpty() || candidates.isEmpty()) {
            return out;
        }
        Map<String, Set<String>> idsBySource = new HashMap<>();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            for (List<Object> row : db.query("runs_by_source").rows()) {
                idsBySource.computeIfAbsent(row.get(0) + "\u0000" + row.get(1), k -> new HashSet<>()).add((String) row.get(2));
            }
        }
        for (SourceReader.Read g : candidates) {
            Set<String> earlier = idsBySource.get(sourceKey(g));
            if (earlier != null) {
                out.put(sourceKey(g), earlier.size());
            }
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        boolean projectGiven = spec.commandLine().getParseResult().hasMatchedOption("--project");
        String project = projectGiven ? PartitionValues.check("project", archiveOptions.project) : "";
        String v = version == null ? "" : PartitionValues.check("version", version);
        Optional<Instant> t = time == null ? Optional.empty() : Optional.of(Timestamps.parseFlag(time));
        Importers importers = Importers.all();
        SourceReader reader = new SourceReader(importers, Optional.ofNullable(formatIn),
                new SourceReader.Flags(project, v, commit == null ? "" : commit, t, ToolVersion.version()),
                w -> System.err.println("benchledger: warning: " + w));

        // read everything first: nothing is written unless every source (or, with --skip-bad, every good one) reads
        List<SourceReader.Read> good = new ArrayList<>();
        List<BadInputException> bad = new ArrayList<>();
        int ignored = 0;
        for (Sources.Source s : Sources.expand(paths)) {
            try {
                Optional<SourceReader.Read> r = reader.read(s);
                if (r.isPresent()) {
                    good.add(r.get());
                } else {
                    ignored++;
                    if (GlobalOptions.verbose()) {
                        System.err.println("benchledger: " + s.path() + ": not a result file; ignored");
                    }
                }
            } catch (BadInputException e) {
                bad.add(e);
            }
        }
        if (!bad.isEmpty() && !skipBad) {
            if (bad.size() == 1) {
                throw bad.get(0);
            }
            for (BadInputException e : bad.subList(0, bad.size() - 1)) {
                System.err.println("benchledger: " + e.getMessage());
            }
            throw new BadInputException(bad.get(bad.size() - 1).getMessage() + " (" + bad.size()
                    + " bad sources in all, listed above; nothing imported; --skip-bad imports the good ones)");
        }
        for (BadInputException e : bad) {
            System.err.println("benchledger: skipped: " + e.getMessage());
        }
        if (good.isEmpty()) {
            throw new BadInputException("nothing to import: " + (bad.isEmpty() ? "no result file found in "
                    + paths + (ignored > 0 ? " (" + ignored + " other files ignored)" : "")
                    : "every source is bad"));
        }

        Archive archive = archiveOptions.openOrCreate();
        // a source seen before under other run ids (a time-less file imported with another --time
        // or modification time) is recognised by its content hash and adds nothing either
        Map<String, Integer> seenBefore = earlierImports(archive, good);
        List<RunRecord> all = new ArrayList<>();
        for (SourceReader.Read g : good) {
            if (!seenBefore.containsKey(sourceKey(g))) {
                all.addAll(g.runs());
            }
        }
        CommitOutcome outcome = archive.commit(all);
        Set<String> added = new HashSet<>(outcome.added());
        for (SourceReader.Read g : good) {
            Integer earlier = seenBefore.get(sourceKey(g));
            if (earlier != null) {
                System.out.println(g.source().path() + " (" + g.format() + "): already imported: " + earlier
                        + (earlier == 1 ? " run" : " runs") + " (same content)");
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            g.runs().forEach(r -> ids.add(r.run().runId()));
            long n = ids.stream().filter(added::contains).count();
            long skipped = ids.size() - n;
            // a run id repeated inside the same batch is added once, and counts once
            added.removeAll(ids);
            StringBuilder line = new StringBuilder(g.source().path() + " (" + g.format() + "): ");
            if (ids.isEmpty()) {
                line.append("no runs");
            } else if (skipped == 0) {
                line.append(n).append(n == 1 ? " run added" : " runs added");
            } else if (n == 0) {
                line.append("already imported: ").append(skipped).append(skipped == 1 ? " run" : " runs");
            } else {
                line.append(n).append(n == 1 ? " run added, " : " runs added, ").append("already imported: ")
                        .append(skipped).append(skipped == 1 ? " run" : " runs");
            }
            if (!g.runs().isEmpty()) {
                var r = g.runs().get(0).run();
                line.append(" [project ").append(r.project()).append(", version ").append(r.version()).append(']');
            }
            System.out.println(line);
        }
        if (good.size() > 1) {
            int sameContent = seenBefore.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("total: " + outcome.added().size() + " runs added, "
                    + (outcome.alreadyPresent().size() + sameContent) + " already imported");
        }
        return 0;
    }
}
