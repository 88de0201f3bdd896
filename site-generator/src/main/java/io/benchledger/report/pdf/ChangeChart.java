package io.benchledger.report.pdf;

import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/** The "Largest changes" section: a chart of the largest significant regressions and improvements. */
final class ChangeChart {
    /** How many cases the chart shows at most (the largest changes). */
    static final int CHART_CASES = 30;

    private ChangeChart() {
    }

    static void draw(PageFlow flow, Charts charts, List<CaseComparison> comparisons) throws IOException {
        // the largest regressions and the largest improvements, half the chart each when both have enough
        List<CaseComparison> regressed = largest(comparisons, Verdict.REGRESSED);
        List<CaseComparison> improved = largest(comparisons, Verdict.IMPROVED);
        int half = CHART_CASES / 2;
        int nRegressed = Math.min(regressed.size(), Math.max(half, CHART_CASES - improved.size()));
        int nImproved = Math.min(improved.size(), CHART_CASES - nRegressed);
        List<CaseComparison> changed = new ArrayList<>(regressed.subList(0, nRegressed));
        changed.addAll(improved.subList(0, nImproved));
        changed.sort(Comparator.comparingDouble(CaseComparison::change).thenComparing(CaseComparison::caseKey));
        float height = Charts.changeChartHeight(changed.size());
        flow.heading("Largest changes", changed.isEmpty() ? 20 : Math.min(height + 30, 600));
        if (changed.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT,
                    "No case improved or regressed significantly, so there is no change to chart.");
            return;
        }
        flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "The largest significant changes (" + nRegressed
                + (nRegressed == 1 ? " regression, " : " regressions, ") + nImproved
                + (nImproved == 1 ? " improvement" : " improvements") + "), in percent of the baseline, with their 95 %"
                + " bootstrap intervals. Colour is the verdict: green improved, red regressed.");
        flow.moveDown(6);
        flow.ensure(height);
        PDFormXObject form = charts.changes(changed, flow.width(), height);
        flow.form(form, PageFlow.LEFT, flow.y(), height);
        flow.moveDown(height + 8);
    }

    /** Cases of one verdict, the largest change (in the direction that matters) first. */
    private static List<CaseComparison> largest(List<CaseComparison> comparisons, Verdict verdict) {
        return comparisons.stream()
                .filter(c -> c.verdict() == verdict && Double.isFinite(c.change()))
                .sorted(Comparator.comparingDouble((CaseComparison c) -> -Math.abs(c.change()))
                        .thenComparing(CaseComparison::caseKey).thenComparing(CaseComparison::metric))
                .toList();
    }
}
