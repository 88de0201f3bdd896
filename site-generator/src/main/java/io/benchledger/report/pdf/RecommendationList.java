package io.benchledger.report.pdf;

import io.benchledger.report.model.Recommendation;
import java.io.IOException;
import java.util.List;

/** The "Recommendations" section: each rule that fired, its subject, its advice and the evidence. */
final class RecommendationList {
    private RecommendationList() {
    }

    static void draw(PageFlow flow, List<Recommendation> recommendations) throws IOException {
        flow.heading("Recommendations", 40);
        if (recommendations.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No recommendation.");
            return;
        }
        for (Recommendation r : recommendations) {
            flow.ensure(40);
            flow.paragraph(flow.fonts.bold, 9, PageFlow.TEXT, r.rule() + ": " + r.subject());
            flow.paragraph(PageFlow.LEFT + 10, flow.width() - 10, flow.fonts.regular, 9, PageFlow.TEXT, r.advice());
            flow.paragraph(PageFlow.LEFT + 10, flow.width() - 10, flow.fonts.regular, 8, PageFlow.MUTED,
                    "Evidence: " + r.evidence());
            flow.moveDown(6);
        }
    }
}
