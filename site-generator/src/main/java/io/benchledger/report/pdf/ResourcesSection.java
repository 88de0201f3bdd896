package io.benchledger.report.pdf;

import io.benchledger.archive.format.ByteRate;
import io.benchledger.report.model.Formats;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import io.benchledger.site.data.ResourceData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PDF section "Resources": per case of the candidate's runs, throughput and bytes
 * per second, per-operation p50 and p99 (sample mode only), bytes per operation, peak and mean RSS
 * and mean CPU of the measuring JVM.
 */
final class ResourcesSection {
    static final String NONE = "\u2013";

    private ResourcesSection() {
    }

    /** Draws the section; nothing at all for a model without resource rows (imported or hand-made models). */
    static void draw(PageFlow flow, List<ResourceData.Row> resources) throws IOException {
        if (resources.isEmpty()) {
            return;
        }
        flow.newPage();
        flow.heading("Resources", 60);
        flow.paragraph(flow.fonts.regular, 8, PageFlow.MUTED, "Per case of the candidate's runs. p50 and p99 are"
                + " latencies of single operations from JMH sample mode (a dash in other modes, whose percentiles"
                + " would be of iteration scores). RSS and CPU are of the forked JVM that measured the case: peak and"
                + " mean resident memory (sampled every 100 ms) and CPU seconds per second, averaged over forks.");
        flow.moveDown(4);
        Table t = new Table(flow, List.of(Column.left("Case", 142), Column.right("Score", 48), Column.left("Unit", 34),
                Column.right("Bytes/s", 52), Column.right("p50 / op", 42), Column.right("p99 / op", 42),
                Column.right("B/op", 36), Column.right("Peak RSS", 42), Column.right("Mean RSS", 42),
                Column.right("CPU", 26)));
        List<Row> rows = new ArrayList<>();
        for (ResourceData.Row r : resources) {
            String unit = r.unit().replace("/op", "");
            rows.add(Row.of(Formats.caseName(io.benchledger.site.render.ResourcesPage.shortName(r.benchmark()), r.params()) + modeSuffix(r), Formats.number(r.score()), r.unit(),
                    Double.isNaN(r.bytesPerSecond()) ? NONE : ByteRate.format(r.bytesPerSecond()),
                    Double.isNaN(r.p50()) ? NONE : Formats.number(r.p50()) + " " + unit,
                    Double.isNaN(r.p99()) ? NONE : Formats.number(r.p99()) + " " + unit,
                    Double.isNaN(r.bytesPerOp()) ? NONE : Formats.number(r.bytesPerOp()),
                    Double.isNaN(r.rssPeak()) ? NONE : Formats.bytes((long) r.rssPeak()),
                    Double.isNaN(r.rssMean()) ? NONE : Formats.bytes((long) r.rssMean()),
                    Double.isNaN(r.cpuCores()) ? NONE : String.format(Locale.ROOT, "%.2f", r.cpuCores())));
        }
        t.draw(rows);
    }

    /** A number in its unit's reading: bytes per second as kB/s, MB/s or GB/s. */
    static String value(double v, String unit) {
        return ByteRate.UNIT.equals(unit) && Double.isFinite(v) ? ByteRate.format(v) : Formats.number(v);
    }

    private static String modeSuffix(ResourceData.Row r) {
        return " @" + r.mode() + (r.threads() > 1 ? " ×" + r.threads() : "");
    }
}
