package io.benchledger.report.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's fonts: DejaVu Sans (regular and bold), shipped in the jar and embedded as subsets,
 * so every glyph the text needs travels with the PDF. The same files are loaded as AWT fonts for
 * the charts, and tell which characters the fonts can draw: the rest are replaced by U+FFFD
 * rather than failing the whole report.
 */
public final class ReportFonts {
    static final String REGULAR_RESOURCE = "/fonts/DejaVuSans.ttf";
    static final String BOLD_RESOURCE = "/fonts/DejaVuSans-Bold.ttf";
    private static final char REPLACEMENT = '\uFFFD';
    private static final int GSUB_TAG = ('G' << 24) | ('S' << 16) | ('U' << 8) | 'B';
    private static final int HIDDEN_TAG = ('x' << 24) | ('S' << 16) | ('U' << 8) | 'B';

    private static final Font AWT_REGULAR = awt(REGULAR_RESOURCE);
    private static final Font AWT_BOLD = awt(BOLD_RESOURCE);

    final PDType0Font regular;
    final PDType0Font bold;

    private ReportFonts(PDType0Font regular, PDType0Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Loads both fonts into the document, for subsetting when it is saved. */
    static ReportFonts load(PDDocument doc) throws IOException {
        return new ReportFonts(load(doc, REGULAR_RESOURCE), load(doc, BOLD_RESOURCE));
    }

    private static PDType0Font load(PDDocument doc, String resource) throws IOException {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font resource missing from the jar: " + resource);
            }
            return PDType0Font.load(doc, new ByteArrayInputStream(withoutSubstitutions(in.readAllBytes())), true);
        }
    }

    /**
     * The font file with its {@code GSUB} table hidden (its directory tag renamed), so PDFBox draws
     * one glyph per character. Benchmark names are identifiers, not prose: ligatures ({@code fi},
     * {@code fl}) would only make them harder to search in the PDF, and PDFBox's substitution step
     * takes most of the time of a large report. The subset embedded in the PDF never carries the table.
     */
    static byte[] withoutSubstitutions(byte[] ttf) {
        ByteBuffer b = ByteBuffer.wrap(ttf);
        int tables = b.getShort(4) & 0xFFFF;
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (b.getInt(at) == GSUB_TAG) {
                b.putInt(at, HIDDEN_TAG);
            }
        }
        return ttf;
    }

    /** The AWT face of the regular font at a size, for chart text. */
    static Font awtRegular(float size) {
        return AWT_REGULAR.deriveFont(size);
    }

    static Font awtBold(float size) {
        return AWT_BOLD.deriveFont(size);
    }

    static String awtRegularName() {
        return AWT_REGULAR.getFontName();
    }

    static String awtBoldName() {
        return AWT_BOLD.getFontName();
    }

    /**
     * Text the fonts can draw: control characters become spaces (a benchmark name is untrusted text
     * and may hold tabs or newlines), characters without a glyph in DejaVu Sans (CJK, most emoji)
     * become U+FFFD.
     */
    public static String drawable(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            String replacement = null;
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                replacement = " ";
            } else if (!AWT_REGULAR.canDisplay(cp) || !AWT_BOLD.canDisplay(cp)
                    || Character.getType(cp) == Character.FORMAT) {
                replacement = String.valueOf(REPLACEMENT);
            }
            if (replacement != null && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                if (replacement != null) {
                    b.append(replacement);
                } else {
                    b.appendCodePoint(cp);
                }
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    private static Font awt(String resource) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing from the jar: " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bad font resource " + resource, e);
        }
    }
}
