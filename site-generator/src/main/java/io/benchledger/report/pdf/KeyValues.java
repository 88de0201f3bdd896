package io.benchledger.report.pdf;

import java.io.IOException;
import java.util.List;

/** Bold keys with their values wrapped beside them: the title page's facts and each run of the appendix. */
final class KeyValues {
    private KeyValues() {
    }

    static void draw(PageFlow flow, List<String[]> pairs, float keyWidth, float size) throws IOException {
        float leading = size * 1.4f;
        for (String[] kv : pairs) {
            List<String> lines = TextWrap.wrap(flow.fonts.regular, size, ReportFonts.drawable(kv[1]),
                    flow.width() - keyWidth);
            flow.ensure(leading * lines.size());
            float baseline = flow.y() - size;
            flow.text(PageFlow.LEFT, baseline, flow.fonts.bold, size, PageFlow.MUTED, ReportFonts.drawable(kv[0]));
            for (String line : lines) {
                flow.text(PageFlow.LEFT + keyWidth, baseline, flow.fonts.regular, size, PageFlow.TEXT, line);
                baseline -= leading;
            }
            flow.moveDown(leading * lines.size());
        }
    }
}
