package io.benchledger.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Greedy line breaking for table cells and paragraphs. Benchmark names have no spaces
 * ({@code org.example.crypto.AesGcm.encrypt}), so besides spaces a line may break after the
 * punctuation that separates a name's parts; a part still too wide is cut between characters.
 */
final class TextWrap {
    private TextWrap() {
    }

    /** Glyph advance widths (1/1000 em) by code point, per font: asking the font each time is slow. */
    private static final Map<PDFont, Map<Integer, Float>> WIDTHS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Width of text in points: the sum of its glyphs' advances (the fonts are not kerned here). */
    static float width(PDFont font, float size, String text) {
        Map<Integer, Float> widths = WIDTHS.computeIfAbsent(font, f -> new HashMap<>());
        float total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Float w = widths.get(cp);
            if (w == null) {
                try {
                    w = font.getStringWidth(new String(Character.toChars(cp)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                widths.put(cp, w);
            }
            total += w;
            i += Character.charCount(cp);
        }
        return total / 1000f * size;
    }

    static List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(font, size, paragraph, maxWidth, lines);
        }
        return lines;
    }

    private static void wrapParagraph(PDFont font, float size, String text, float maxWidth, List<String> out) {
        if (width(font, size, text) <= maxWidth) {
            out.add(text);
            return;
        }
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String piece : pieces(text)) {
            float w = width(font, size, piece);
            if (lineWidth + w <= maxWidth) {
                line.append(piece);
                lineWidth += w;
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString().stripTrailing());
                line.setLength(0);
                lineWidth = 0;
                piece = piece.stripLeading();
                w = width(font, size, piece);
            }
            if (w <= maxWidth) {
                line.append(piece);
                lineWidth = w;
                continue;
            }
            // a piece wider than the column: cut it by characters
            int i = 0;
            while (i < piece.length()) {
                int end = i;
                float acc = 0;
                while (end < piece.length()) {
                    int cp = piece.codePointAt(end);
                    float cw = width(font, size, new String(Character.toChars(cp)));
                    if (acc + cw > maxWidth && end > i) {
                        break;
                    }
                    acc += cw;
                    end += Character.charCount(cp);
                }
                String part = piece.substring(i, end);
                if (end < piece.length()) {
                    out.add(part);
                } else {
                    line.append(part);
                    lineWidth = acc;
                }
                i = end;
            }
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString().stripTrailing());
        }
    }

    /** The text cut after each break opportunity: spaces, and . , ; : = / _ - $ in names. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == '=' || c == '/' || c == '_'
                    || c == '-' || c == '$') {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
