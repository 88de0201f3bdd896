package io.benchledger.site.pages;

import io.benchledger.archive.format.Csv;
import io.benchledger.site.chart.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table shown on a page, with sortable columns and CSV/JSON downloads of the same rows.
 *
 * @param id unique within the site; names the download files
 * @param downloads the download files' path relative to the site root, without extension
 */
public record DataTable(String id, String caption, List<Col> columns, List<List<Cell>> rows, String downloads) {

    /** A column: its heading and whether it holds numbers (sorted numerically, aligned right). */
    public record Col(String label, boolean numeric) {
        public static Col text(String label) {
            return new Col(label, false);
        }

        public static Col num(String label) {
            return new Col(label, true);
        }
    }

    /**
     * A cell: the text shown, the raw value for sorting and downloads, an optional link (relative
     * to the page; empty for none) and an optional CSS class.
     */
    public record Cell(String text, String raw, String href, String css) {
        public static Cell of(String text) {
            return new Cell(text, text, "", "");
        }

        public static Cell num(double value, String text) {
            return new Cell(text, Fmt.key(value), "", "");
        }

        public static Cell link(String text, String href) {
            return new Cell(text, text, href, "");
        }

        public Cell css(String c) {
            return new Cell(text, raw, href, c);
        }

        public Cell raw(String r) {
            return new Cell(text, r, href, css);
        }
    }

    public DataTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table as the templates read it: CSS classes worked out, plain property paths only. */
    public record View(String id, String caption, List<ColView> cols, List<List<CellView>> rows, boolean empty,
                       String csv, String json) {
    }

    /** A column as the template reads it: {@code type} is "num" or "text". */
    public record ColView(String label, String type, int index) {
    }

    /**
     * A cell as the template reads it; {@code cls} is null for none (no empty class attribute);
     * {@code html} is the text, escaped, with the break points of {@link #breakable}.
     */
    public record CellView(String text, String raw, String href, boolean link, String cls, String html) {
        public CellView(String text, String raw, String href, boolean link, String cls) {
            this(text, raw, href, link, cls, breakable(text));
        }
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * The text as HTML, escaped, with a {@code <wbr>} after each '.', '[', ',', '=', '/', '@' and '_'
     * that joins two parts of an identifier: {@code io.x.Crypto.sha256[size=64]@avgt} may break
     * after {@code io.}, {@code Crypto.}, {@code [} or {@code @}, never inside a word, and a copied
     * name holds no break character. A full stop before a digit (0.25) is no break point.
     */
    public static String breakable(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        // a date (2026-02-10) stays whole: the browser would break it after a hyphen
        java.util.regex.Matcher date = text.indexOf('-') > 0 ? DATE.matcher(text) : null;
        if (date != null && date.find()) {
            return breakable(text.substring(0, date.start())) + "<span class=\"nowrap\">" + date.group()
                    + "</span>" + breakable(text.substring(date.end()));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
            if (i + 1 < text.length() && ".[,=/@_".indexOf(c) >= 0 && i > 0) {
                char next = text.charAt(i + 1);
                if (!Character.isWhitespace(next) && !(c == '.' && Character.isDigit(next))) {
                    sb.append("<wbr>");
                }
            }
        }
        return sb.toString();
    }

    /**
     * The table as the templates read it, with the CSS classes worked out, so every expression in
     * the table fragment is a plain property path (Thymeleaf evaluates those without OGNL, which
     * matters for tables of thousands of cells).
     */
    public View view() {
        List<ColView> cols = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            cols.add(new ColView(columns.get(i).label(), columns.get(i).numeric() ? "num" : "text", i));
        }
        List<List<CellView>> viewRows = new ArrayList<>(rows.size());
        for (List<Cell> row : rows) {
            List<CellView> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Cell cell = row.get(i);
                String cls = ((i > 0 && columns.get(i).numeric() ? "num " : "") + cell.css()).strip();
                cells.add(new CellView(cell.text(), cell.raw(), cell.href(), !cell.href().isEmpty(),
                        cls.isEmpty() ? null : cls));
            }
            viewRows.add(cells);
        }
        return new View("t-" + id, caption, cols, viewRows, rows.isEmpty(), downloads + ".csv", downloads + ".json");
    }

    /** CSV of the raw values, by the program's one CSV writer (formula guard included). */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        Csv.row(sb, columns.stream().map(Col::label).toList());
        for (List<Cell> row : rows) {
            Csv.row(sb, row.stream().map(Cell::raw).toList());
        }
        return sb.toString();
    }

    /** JSON: {"columns": [...], "rows": [{column: value}]}, numbers as numbers. */
    public String json() {
        List<Object> out = new ArrayList<>();
        for (List<Cell> row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String raw = row.get(i).raw();
                Object v = raw;
                if (columns.get(i).numeric()) {
                    v = raw.isEmpty() ? null : Double.parseDouble(raw);
                }
                m.put(columns.get(i).label(), v);
            }
            out.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("table", caption);
        doc.put("columns", columns.stream().map(Col::label).toList());
        doc.put("rows", out);
        return Json.of(doc) + "\n";
    }
}
