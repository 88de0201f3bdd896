package io.benchledger.cli.command;

import io.benchledger.archive.analysis.compare.ResolvedSide;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.compare.SideResolver;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.export.RunMetrics;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes one run's results for a metrics system: score, score error, percentiles, bytes per",
                "operation, peak RSS and CPU of the measuring JVMs, labelled by benchmark, params, mode, threads,",
                "project and version (docs/integrations.md). For the Prometheus node exporter's textfile",
                "collector (--out DIR/benchledger.prom, written atomically) or a Pushgateway (pipe to curl)."})
public final class ExportCommand implements Callable<Integer> {
    /** The text formats; both are read by Prometheus, the textfile collector and the Pushgateway. */
    public enum Format { OPENMETRICS, PROMETHEUS }

    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "openmetrics",
            description = "openmetrics (OpenMetrics 1.0 text) or prometheus (text format 0.0.4) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--run", paramLabel = "SIDE", defaultValue = "latest",
            description = "The run: a run id, a version (its newest run), latest, previous, last-release, branch:NAME "
                    + "or variant:NAME (default: ${DEFAULT-VALUE}).")
    String run;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (replaced atomically) instead of stdout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        MetricSnapshots metrics;
        try (ArchiveDatabase db = ArchiveDatabase.open(archiveOptions.openExisting())) {
            ResolvedSide side = SideResolver.of(db, archiveOptions.project, "").resolveOne(Side.parse(run), "run");
            // a version or branch may have several runs: the newest (listed first) is the one exported
            metrics = RunMetrics.of(db, side.runIds().get(0));
        }
        ExpositionFormatWriter writer = format == Format.OPENMETRICS
                ? OpenMetricsTextFormatWriter.create() : PrometheusTextFormatWriter.create();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(bytes, metrics);
        if (out == null) {
            System.out.write(bytes.toByteArray());
            System.out.flush();
        } else {
            // the textfile collector may read at any moment: never let it see half a file
            Path abs = out.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.err.println("benchledger: wrote " + metrics.size() + " metric families to " + out);
        }
        return 0;
    }
}
