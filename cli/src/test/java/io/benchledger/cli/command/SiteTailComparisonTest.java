package io.benchledger.cli.command;

import static io.benchledger.cli.SiteHtml.cells;
import static io.benchledger.cli.SiteHtml.headings;
import static io.benchledger.cli.SiteHtml.page;
import static io.benchledger.cli.SiteHtml.row;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.FailOn;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.compare.TailComparisonTest;
import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.BenchledgerCommand;
import io.benchledger.cli.workflow.Gate;
import io.benchledger.cli.workflow.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What regressed in a sample-mode case, where the site and the nightly summary show it: generated
 * runs with a known answer (archive's {@link TailComparisonTest}: only the tail moved, p99 about
 * doubled, the mean held) through the real comparison engine.
 */
class SiteTailComparisonTest {
    @TempDir
    Path tmp;

    @Test
    void theComparisonPageShowsATailOnlyRegression() throws Exception {
        Archive a = TailComparisonTest.archive(tmp.resolve("archive"));
        Path out = tmp.resolve("site");
        assertThat(BenchledgerCommand.run("site", "--archive", a.root().toString(), "--project", "p", "--out",
                out.toString(), "--compare", "1.0.0..tail", "--compare", "1.0.0..mean")).isZero();

        String tail = page(out, "tail against 1.0.0");
        assertThat(tail).contains(">Type<").contains(">p99 change<").contains("1 with a tail regression");
        List<String> cells = cells(row(tail, "Aes.encrypt"));
        List<String> heads = headings(tail);
        // the centre is unchanged (mean held), the type is tail, p99 up about 100 %
        assertThat(cells.get(heads.indexOf("Verdict"))).isNotEqualTo("regressed");
        assertThat(cells.get(heads.indexOf("Type"))).isEqualTo("tail");
        assertThat(cells.get(heads.indexOf("p99 change"))).matches("\\+(9\\d|10\\d)\\.\\d\u00a0%");

        String mean = page(out, "mean against 1.0.0");
        List<String> meanCells = cells(row(mean, "Aes.encrypt"));
        assertThat(meanCells.get(headings(mean).indexOf("Verdict"))).isEqualTo("regressed");
        assertThat(meanCells.get(headings(mean).indexOf("Type"))).isEqualTo("mean");
        assertThat(mean).contains("0 with a tail regression");
    }

    @Test
    void summaryJsonCarriesTheRegressionTypeAndTail() throws Exception {
        Archive a = TailComparisonTest.archive(tmp.resolve("archive"));
        ComparisonReport r;
        try (ArchiveDatabase db = ArchiveDatabase.open(a)) {
            r = Comparison.run(db, Side.parse("1.0.0"), Side.parse("tail"), ComparisonOptions.defaults("p"));
        }
        Gate g = new Gate("01J0000000000000000000R200", Optional.of(r), Optional.empty(), Optional.empty(), List.of(),
                FailOn.REGRESSION);
        JsonNode doc = new ObjectMapper().readTree(TableFormatter.json(SummaryJson.of("p", "Nightly", g, 0, List.of())));
        JsonNode c = doc.path("comparisons").get(0).path("cases").get(0);
        assertThat(c.path("regression_type").asText()).isEqualTo("tail");
        assertThat(c.path("tail").path("quantile").asDouble()).isEqualTo(0.99);
        assertThat(c.path("tail").path("verdict").asText()).isEqualTo("regressed");
        assertThat(c.path("tail").path("change").asDouble()).isBetween(0.9, 1.1);
        assertThat(c.path("tail_p999").path("quantile").asDouble()).isEqualTo(0.999);
        // the gate fails on the tail by default, and says so
        assertThat(doc.path("gate").path("result").asText()).isEqualTo("failed");
        assertThat(doc.path("gate").path("reasons").get(0).asText()).contains("Aes.encrypt");
    }
}
