package io.benchledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.report.model.CaseHistory;
import io.benchledger.report.model.HistoryPoint;
import io.benchledger.site.SiteFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderHistoryTest {
    @TempDir
    Path tmp;

    /**
     * The PDF's history chart is the series the change points were found in: the fixture's six A/B
     * runs after run 39 (size=64 only) are experiments, not history, so the chart has the 40
     * nightly points and a change point's index (a series position) falls on the right run.
     */
    @Test
    void aHistoryChartIsTheSeriesOfTheChangePointAnalysis() throws Exception {
        Archive archive = SiteFixture.create(tmp.resolve("archive"));
        String key = SiteFixture.cryptoKey("64");
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            CaseHistory h = new ReportBuilder(db, "default").history(key, SiteFixture.CRYPTO, "primary", "", List.of(),
                    List.of());
            History history = History.loadCase(db, "default", key);
            CaseSeries series = history.series().stream().filter(s -> s.metric().equals("primary")).findFirst()
                    .orElseThrow();
            assertThat(h.points()).hasSize(SiteFixture.NIGHTLY).hasSize(series.size());
            assertThat(h.points().stream().map(HistoryPoint::runId).toList()).isEqualTo(Arrays.stream(series.runIndexes())
                    .mapToObj(i -> history.runs().get(i).runId()).toList());
            assertThat(h.points().stream().mapToDouble(HistoryPoint::value).toArray()).containsExactly(series.values());
        }
    }
}
