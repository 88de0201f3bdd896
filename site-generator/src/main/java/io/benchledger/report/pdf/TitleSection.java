package io.benchledger.report.pdf;

import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.report.model.Formats;
import io.benchledger.report.model.Summary;
import io.benchledger.report.model.TitlePage;
import java.io.IOException;
import java.util.List;

/** The title page: report type, project, the two runs, date, environment and the counts of verdicts. */
final class TitleSection {
    private TitleSection() {
    }

    static void draw(PageFlow flow, TitlePage t, Summary summary) throws IOException {
        ReportFonts f = flow.fonts;
        flow.newPage();
        flow.bookmark("Title page");
        flow.moveDown(150);
        flow.paragraph(f.bold, 24, PageFlow.ACCENT, t.type().title());
        flow.moveDown(6);
        flow.paragraph(f.bold, 16, PageFlow.TEXT, t.project());
        flow.moveDown(24);
        KeyValues.draw(flow, List.of(
                new String[] {"Candidate", t.candidate()},
                new String[] {"Baseline", t.baseline()},
                new String[] {"Date", Formats.dateTime(t.date())},
                new String[] {"Environment", t.environment()},
                new String[] {"Cases compared", countsLine(summary)}), 115, 11);
        flow.moveDown(30);
        flow.paragraph(f.regular, 9, PageFlow.MUTED, "Made by benchledger " + t.toolVersion()
                + ". Changes are relative to the baseline, in the metric's own direction; a change counts only when"
                + " it is significant after Benjamini–Hochberg correction and its whole confidence interval lies"
                + " beyond the noise threshold. The date is the candidate run's start time.");
    }

    private static String countsLine(Summary s) {
        StringBuilder b = new StringBuilder();
        for (Verdict v : SummarySection.shownVerdicts(s)) {
            b.append(b.length() == 0 ? "" : ", ").append(s.count(v)).append(' ').append(v.json());
        }
        return s.total() + " (" + b + ")";
    }
}
