package io.benchledger.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.generate.GeneratorSettings;
import io.benchledger.archive.generate.GroundTruth;
import io.benchledger.archive.generate.HistoryGenerator;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.report.ReportAnalyses;
import io.benchledger.report.ReportBuilder;
import io.benchledger.report.model.ReportModel;
import io.benchledger.report.model.ReportType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nightly report of a generated history whose cases drift lists the drifts, read back from the PDF's text. */
class DriftTableTest {
    @TempDir
    Path tmp;

    @Test
    void theNightlyReportHasADriftTableWithTheInjectedDrifts() throws Exception {
        // seed 1: each of 4 cases drifts 6–8 noise sd over 99 runs of 100; Concurrency.sharedCounter is the regression
        GeneratorSettings settings = GeneratorSettings.of(4, 100, 1, 1).withSamples(1, 3)
                .withDisturbances(0, 1, 0).withShapes(new GeneratorSettings.Shapes(6, 8, 99, 99, 0, 0, 1, 0));
        Archive archive = Archive.open(tmp.resolve("archive"));
        GroundTruth truth = new HistoryGenerator(settings).write(archive, done -> { });
        assertThat(truth.drifts()).hasSize(4);

        ReportModel model;
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            String latest = (String) db.query("recent_runs", "default", 1).rows().get(0).get(0);
            var findings = new io.benchledger.archive.analysis.findings.FindingsBuilder(db,
                    ComparisonOptions.defaults("default"), Optional.empty(), false, (step, nanos) -> { })
                    .nightly(latest, Side.recent(Side.DEFAULT_RECENT));
            ReportAnalyses analyses = ReportAnalyses.of(findings,
                    findings.comparison(io.benchledger.archive.analysis.findings.Findings.RECENT).orElseThrow());
            model = new ReportBuilder(db, "default").build(ReportType.NIGHTLY, analyses, "test");
        }
        List<Drift> drifts = model.drifts();
        assertThat(drifts).isNotEmpty();
        for (Drift d : drifts) {
            GroundTruth.Drift injected = truth.drifts().stream().filter(t -> t.caseKey().equals(d.caseKey()))
                    .findFirst().orElseThrow();
            // the same direction as injected, overlapping it
            assertThat(Math.signum(d.change())).isEqualTo(Math.signum(injected.magnitude()));
            assertThat(d.startIndex()).isLessThan(injected.end());
            assertThat(d.endIndex()).isGreaterThanOrEqualTo(injected.start());
        }

        Path pdf = tmp.resolve("nightly.pdf");
        new PdfReportRenderer().render(model, pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            text = s.getText(doc);
        }
        int table = text.indexOf("\nDrifts\n");
        assertThat(table).as("a Drifts heading").isPositive();
        String section = text.substring(table, text.indexOf("\nTrends\n", table));
        assertThat(section).contains("Start → end").contains("Per day");
        Drift first = drifts.get(0);
        // one row: dates of the first and last run, runs, total change and per day as the table formats them
        assertThat(section).contains(io.benchledger.report.model.Formats.date(first.startTime()) + " → "
                        + io.benchledger.report.model.Formats.date(first.endTime()))
                .contains(" " + first.runs() + " ")
                .contains(io.benchledger.report.model.Formats.percent(first.change()))
                .contains(DriftTable.perDay(first.changePerDay()));
        assertThat(section.split("\n")).filteredOn(l -> l.contains(" → ") && l.contains("%")).hasSize(drifts.size());
        // each row names its case with parameters and mode (its package on the row's first line, the
        // rest on the next), and no figure is broken across lines
        String joined = section.replaceAll("\\s+", "");
        assertThat(drifts).allSatisfy(d -> assertThat(joined)
                .contains(d.caseKey().substring(d.benchmark().lastIndexOf('.', d.benchmark().lastIndexOf('.') - 1) + 1))
                .contains(DriftTable.perDay(d.changePerDay())));
        assertThat(section).doesNotContain("NaN");
        // 6–8 sd drifts pass the default 2 % threshold: alerts, with the threshold beside
        assertThat(drifts).allMatch(Drift::alert);
        assertThat(section).contains("alert, ");
        // cases that only drift (no change point here) get a history chart with the drift drawn and labelled
        assertThat(model.changePoints()).isEmpty();
        assertThat(model.histories()).isNotEmpty()
                .allSatisfy(h -> assertThat(h.drifts()).isNotEmpty());
        assertThat(section).contains("History: " + model.histories().get(0).benchmark())
                .contains("drift " + io.benchledger.report.model.Formats.percent(model.histories().get(0).drifts().get(0).change()));
    }
}
