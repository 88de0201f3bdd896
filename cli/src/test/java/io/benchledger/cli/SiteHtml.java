package io.benchledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads a generated site's comparison pages as a user sees them: by title, row and column heading. */
public final class SiteHtml {
    private SiteHtml() {
    }

    /** The comparison page whose HTML contains {@code title}. */
    public static String page(Path site, String title) throws Exception {
        try (Stream<Path> pages = Files.list(site.resolve("compare"))) {
            for (Path p : pages.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String html = Files.readString(p);
                if (html.contains(title)) {
                    return html;
                }
            }
        }
        throw new AssertionError("no comparison page titled " + title);
    }

    /** The first table row (after the first table head) that names {@code benchmark}. */
    public static String row(String html, String benchmark) {
        int at = html.indexOf(benchmark, html.indexOf("<tbody"));
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    public static List<String> cells(String row) {
        return Stream.of(row.split("<t[dh](?=[ >])")).skip(1).map(SiteHtml::text).toList();
    }

    /** The first table's column headings. */
    public static List<String> headings(String html) {
        String head = html.substring(html.indexOf("<thead") + "<thead".length(), html.indexOf("</thead>"));
        return Stream.of(head.split("<th(?=[ >])")).skip(1).map(SiteHtml::text).toList();
    }

    private static String text(String cell) {
        return cell.substring(cell.indexOf('>') + 1).replaceAll("<[^>]*>", "").replace("&nbsp;", "\u00a0").trim();
    }
}
