package io.benchledger.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A table that breaks across pages: each cell's text is wrapped to its column, a row never splits,
 * and the header row is drawn again at the top of every page the table continues on.
 */
final class Table {
    enum Align { LEFT, RIGHT }

    /** A column: header text, width in points, alignment. */
    record Column(String header, float width, Align align) {
        static Column left(String header, float width) {
            return new Column(header, width, Align.LEFT);
        }

        static Column right(String header, float width) {
            return new Column(header, width, Align.RIGHT);
        }
    }

    /** One row: its cells' text, and the colour of each cell's text (null for the default). */
    record Row(List<String> cells, List<Color> colors) {
        static Row of(String... cells) {
            return new Row(List.of(cells), null);
        }
    }

    static final float SIZE = 7.2f;
    static final float LEADING = SIZE * 1.22f;
    static final float PAD = 2.2f;
    private static final Color HEADER_FILL = new Color(0xE4, 0xEA, 0xF1);
    private static final Color STRIPE = new Color(0xF6, 0xF7, 0xF9);

    private final PageFlow flow;
    private final List<Column> columns;
    private final PDFont font;
    private final PDFont headerFont;

    Table(PageFlow flow, List<Column> columns) {
        this.flow = flow;
        this.columns = List.copyOf(columns);
        this.font = flow.fonts.regular;
        this.headerFont = flow.fonts.bold;
        float total = 0;
        for (Column c : columns) {
            total += c.width();
        }
        if (total > flow.width() + 0.5f) {
            throw new IllegalArgumentException("table wider than the page: " + total);
        }
    }

    /** Draws the rows, starting on the current page when the header and a first row fit there. */
    void draw(List<Row> rows) throws IOException {
        List<List<String>> headerLines = wrapAll(headerFont, columns.stream().map(Column::header).toList());
        float headerHeight = height(headerLines);
        boolean first = true;
        int index = 0;
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(row.cells().size());
            for (String c : row.cells()) {
                cells.add(ReportFonts.drawable(c));
            }
            List<List<String>> lines = wrapAll(font, cells);
            float h = height(lines);
            if (first) {
                flow.ensure(headerHeight + h);
                drawRow(headerLines, headerHeight, headerFont, HEADER_FILL, null);
                first = false;
            } else if (flow.ensure(h)) {
                drawRow(headerLines, headerHeight, headerFont, HEADER_FILL, null);
            }
            drawRow(lines, h, font, index % 2 == 1 ? STRIPE : null, row.colors());
            index++;
        }
        if (first) {
            flow.ensure(headerHeight);
            drawRow(headerLines, headerHeight, headerFont, HEADER_FILL, null);
        }
        flow.line(PageFlow.LEFT, flow.y(), PageFlow.LEFT + totalWidth(), flow.y(), PageFlow.RULE, 0.5f);
        flow.moveDown(6);
    }

    private float totalWidth() {
        float w = 0;
        for (Column c : columns) {
            w += c.width();
        }
        return w;
    }

    private List<List<String>> wrapAll(PDFont f, List<String> cells) {
        List<List<String>> out = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String text = i < cells.size() ? cells.get(i) : "";
            out.add(TextWrap.wrap(f, SIZE, text, columns.get(i).width() - 2 * PAD));
        }
        return out;
    }

    private static float height(List<List<String>> lines) {
        int max = 1;
        for (List<String> l : lines) {
            max = Math.max(max, l.size());
        }
        return max * LEADING + 2 * PAD;
    }

    private void drawRow(List<List<String>> lines, float h, PDFont f, Color fill, List<Color> colors)
            throws IOException {
        float top = flow.y();
        if (fill != null) {
            flow.fill(PageFlow.LEFT, top - h, totalWidth(), h, fill);
        }
        float x = PageFlow.LEFT;
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            Color color = colors != null && i < colors.size() && colors.get(i) != null ? colors.get(i) : PageFlow.TEXT;
            float baseline = top - PAD - SIZE;
            for (String line : lines.get(i)) {
                float tx = x + PAD;
                if (col.align() == Align.RIGHT) {
                    tx = x + col.width() - PAD - TextWrap.width(f, SIZE, line);
                }
                flow.text(tx, baseline, f, SIZE, color, line);
                baseline -= LEADING;
            }
            x += col.width();
        }
        flow.moveDown(h);
    }
}
