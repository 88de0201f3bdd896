package io.benchledger.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;

/**
 * Content flowing down A4 pages: a cursor {@code y} that moves down as blocks are written, and a
 * new page when a block does not fit. Coordinates are PDF points from the bottom-left corner.
 */
final class PageFlow implements AutoCloseable {
    static final PDRectangle PORTRAIT = PDRectangle.A4;
    /** For wide tables: the comparison's case names get room for a line or two instead of five. */
    static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 42;
    static final float FOOTER = 24;
    static final float LEFT = MARGIN;
    static final float BOTTOM = MARGIN + FOOTER;

    static final Color TEXT = new Color(0x20, 0x20, 0x20);
    static final Color MUTED = new Color(0x60, 0x60, 0x60);
    static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);

    final PDDocument doc;
    final ReportFonts fonts;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;
    private PDRectangle size = PORTRAIT;

    PageFlow(PDDocument doc, ReportFonts fonts) {
        this.doc = doc;
        this.fonts = fonts;
        doc.getDocumentCatalog().setDocumentOutline(outline);
    }

    float y() {
        return y;
    }

    /** The orientation of the pages started from now on. */
    void landscape(boolean landscape) {
        size = landscape ? LANDSCAPE : PORTRAIT;
    }

    /** Text width of the current page. */
    float width() {
        return right() - LEFT;
    }

    float right() {
        return (page == null ? size : page.getMediaBox()).getWidth() - MARGIN;
    }

    float top() {
        return (page == null ? size : page.getMediaBox()).getHeight() - MARGIN;
    }

    void moveDown(float h) {
        y -= h;
    }

    PDPage page() {
        return page;
    }

    List<PDPage> pages() {
        return pages;
    }

    PDPageContentStream content() {
        return cs;
    }

    void newPage() throws IOException {
        closeStream();
        page = new PDPage(size);
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = top();
    }

    /** Starts a new page unless {@code height} points still fit on this one; true when it did. */
    boolean ensure(float height) throws IOException {
        if (page == null || y - height < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    /** A bookmark to the current position, at the outline's top level. */
    PDOutlineItem bookmark(String title) {
        PDOutlineItem item = item(title);
        outline.addLast(item);
        return item;
    }

    /** A bookmark nested under another one. */
    PDOutlineItem bookmark(PDOutlineItem parent, String title) {
        PDOutlineItem item = item(title);
        parent.addLast(item);
        return item;
    }

    private PDOutlineItem item(String title) {
        PDPageXYZDestination dest = new PDPageXYZDestination();
        dest.setPage(page);
        dest.setLeft((int) LEFT);
        dest.setTop((int) Math.ceil(y + 4));
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(ReportFonts.drawable(title));
        item.setDestination(dest);
        return item;
    }

    /** Text at a baseline; the caller has made sure it fits. */
    void text(float x, float baseline, PDFont font, float size, Color color, String s) throws IOException {
        if (s.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        cs.showText(s);
        cs.endText();
    }

    void line(float x1, float y1, float x2, float y2, Color color, float width) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(width);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    void fill(float x, float yBottom, float w, float h, Color color) throws IOException {
        cs.setNonStrokingColor(color);
        cs.addRect(x, yBottom, w, h);
        cs.fill();
    }

    /** Draws a form (a chart) with its top-left corner at (x, top). */
    void form(PDFormXObject form, float x, float top, float height) throws IOException {
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(x, top - height));
        cs.drawForm(form);
        cs.restoreGraphicsState();
    }

    /** A paragraph wrapped to the text width, flowing onto new pages as needed. */
    void paragraph(PDFont font, float size, Color color, String text) throws IOException {
        paragraph(LEFT, width(), font, size, color, text);
    }

    void paragraph(float x, float width, PDFont font, float fontSize, Color color, String text) throws IOException {
        float leading = fontSize * 1.35f;
        for (String line : TextWrap.wrap(font, fontSize, ReportFonts.drawable(text), width)) {
            ensure(leading);
            y -= leading;
            text(x, y + fontSize * 0.25f, font, fontSize, color, line);
        }
    }

    /** A section heading, kept with at least {@code keep} points of what follows, and its bookmark. */
    PDOutlineItem heading(String title, float keep) throws IOException {
        ensure(40 + keep);
        if (y < top()) {
            y -= 10;
        }
        PDOutlineItem item = bookmark(title);
        y -= 18;
        text(LEFT, y, fonts.bold, 15, ACCENT, ReportFonts.drawable(title));
        y -= 6;
        line(LEFT, y, right(), y, ACCENT, 0.8f);
        y -= 10;
        return item;
    }

    /** A sub-heading (wrapped when long), nested in the outline under {@code parent} when given. */
    PDOutlineItem subheading(PDOutlineItem parent, String title, float keep) throws IOException {
        List<String> lines = TextWrap.wrap(fonts.bold, 11, ReportFonts.drawable(title), width());
        ensure(20 + 14 * lines.size() + keep);
        y -= 8;
        PDOutlineItem item = parent == null ? bookmark(title) : bookmark(parent, title);
        for (String line : lines) {
            y -= 13;
            text(LEFT, y, fonts.bold, 11, TEXT, line);
        }
        y -= 6;
        return item;
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    /** Writes "page n of N" and a running title at the foot of every page. */
    void footers(String runningTitle) throws IOException {
        closeStream();
        int n = pages.size();
        for (int i = 0; i < n; i++) {
            float pageRight = pages.get(i).getMediaBox().getWidth() - MARGIN;
            try (PDPageContentStream foot = new PDPageContentStream(doc, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float base = MARGIN - 4;
                foot.setStrokingColor(RULE);
                foot.setLineWidth(0.5f);
                foot.moveTo(LEFT, base + 12);
                foot.lineTo(pageRight, base + 12);
                foot.stroke();
                String left = ReportFonts.drawable(runningTitle);
                float size = 7.5f;
                List<String> fitted = TextWrap.wrap(fonts.regular, size, left, pageRight - LEFT - 90);
                String shown = fitted.isEmpty() ? "" : fitted.get(0) + (fitted.size() > 1 ? " …" : "");
                foot.beginText();
                foot.setFont(fonts.regular, size);
                foot.setNonStrokingColor(MUTED);
                foot.newLineAtOffset(LEFT, base);
                foot.showText(shown);
                foot.endText();
                String right = "page " + (i + 1) + " of " + n;
                float w = TextWrap.width(fonts.regular, size, right);
                foot.beginText();
                foot.setFont(fonts.regular, size);
                foot.setNonStrokingColor(MUTED);
                foot.newLineAtOffset(pageRight - w, base);
                foot.showText(right);
                foot.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
