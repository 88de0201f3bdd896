package io.benchledger.collector.importer;

import io.benchledger.archive.BadInputException;
import io.benchledger.collector.importer.criterion.CriterionImporter;
import io.benchledger.collector.importer.dotnet.BenchmarkDotNetImporter;
import io.benchledger.collector.importer.gbench.GoogleBenchmarkImporter;
import io.benchledger.collector.importer.ghaction.GithubActionBenchmarkImporter;
import io.benchledger.collector.importer.gobench.GoBenchImporter;
import io.benchledger.collector.importer.hyperfine.HyperfineImporter;
import io.benchledger.collector.importer.pytest.PytestBenchmarkImporter;
import io.benchledger.collector.jmh.JmhImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every format {@code benchledger import} reads, in the order detection asks them. Detection looks
 * at content, never at file names: JSON formats by their top-level fields, Go's text by its result
 * lines, Criterion by its folder layout.
 */
public final class Importers {
    private final List<Importer> importers;

    public Importers(List<Importer> importers) {
        this.importers = List.copyOf(importers);
    }

    /** The registry of all importers. */
    public static Importers all() {
        return new Importers(List.of(
                new JmhImporter(),
                new GithubActionBenchmarkImporter(),
                new GoogleBenchmarkImporter(),
                new PytestBenchmarkImporter(),
                new HyperfineImporter(),
                new BenchmarkDotNetImporter(),
                new CriterionImporter(),
                new GoBenchImporter()));
    }

    public List<Importer> list() {
        return importers;
    }

    public List<String> formats() {
        return importers.stream().map(Importer::format).toList();
    }

    /** The importer for {@code --format-in}; an unknown name is bad input listing the known ones. */
    public Importer byFormat(String format) {
        return importers.stream().filter(i -> i.format().equals(format)).findFirst()
                .orElseThrow(() -> new BadInputException("--format-in " + format + ": unknown format (known: "
                        + String.join(", ", formats()) + ")"));
    }

    /** The first importer that recognises the content. */
    public Optional<Importer> detect(Path path, byte[] head) {
        for (Importer i : importers) {
            if (i.recognises(path, head)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Why nothing recognised a file, in one line. */
    public String unrecognised(Path path, byte[] head) {
        if (head.length == 0 || Bytes.isBlank(head, 0, head.length)) {
            return path + ": empty file";
        }
        if (Bytes.looksBinary(head)) {
            return path + ": binary content, not a benchmark result";
        }
        JsonHead h = JsonHead.of(head);
        Path parent = path.getParent();
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (h.json() && parent != null && parent.getFileName() != null
                && List.of("benchmark.json", "estimates.json", "sample.json", "tukey.json").contains(name)
                && (java.nio.file.Files.isRegularFile(parent.resolve("benchmark.json"))
                    || parent.getFileName().toString().equals("change"))) {
            return path + ": part of a Criterion results folder; import the folder (target/criterion) instead";
        }
        String known = " (known formats: " + String.join(", ", formats()) + "; --format-in names one)";
        if (h.json()) {
            if (h.topFields().isEmpty()) {
                return path + ": JSON " + (h.array() ? "array" : "object") + " of no known result format" + known;
            }
            return path + ": JSON of no known result format (top-level fields: "
                    + h.topFields().stream().limit(8).collect(Collectors.joining(", ")) + ")" + known;
        }
        return path + ": not a result format benchledger imports" + known;
    }
}
