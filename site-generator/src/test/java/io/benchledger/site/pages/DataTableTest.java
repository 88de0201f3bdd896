package io.benchledger.site.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataTableTest {

    @Test
    void identifiersBreakAfterTheirSeparatorsOnly() {
        assertThat(DataTable.breakable("io.x.Crypto.sha256[size=64]@avgt"))
                .isEqualTo("io.<wbr>x.<wbr>Crypto.<wbr>sha256[<wbr>size=<wbr>64]@<wbr>avgt");
        assertThat(DataTable.breakable("a,b/c_d")).isEqualTo("a,<wbr>b/<wbr>c_<wbr>d");
        // a decimal point, a separator before a space and a trailing one are no break points
        assertThat(DataTable.breakable("cv = 0.1269, forks = 3.")).isEqualTo("cv = 0.1269, forks = 3.");
        assertThat(DataTable.breakable("unstable")).isEqualTo("unstable");
        // a date stays on one line; the time after it may go to the next
        assertThat(DataTable.breakable("2026-02-10 08:00 UTC")).isEqualTo("<span class=\"nowrap\">2026-02-10</span> 08:00 UTC");
        assertThat(DataTable.breakable("2024-01-05 → 2024-02-26")).isEqualTo(
                "<span class=\"nowrap\">2024-01-05</span> → <span class=\"nowrap\">2024-02-26</span>");
    }

    @Test
    void cellTextIsEscapedForTheHtmlItIsWrittenInto() {
        assertThat(DataTable.breakable("<img src=x onerror=\"alert('1')\">&"))
                .isEqualTo("&lt;img src=<wbr>x onerror=<wbr>&quot;alert('1')&quot;&gt;&amp;".replace("'", "&#39;"));
        DataTable t = new DataTable("t", "T", List.of(DataTable.Col.text("Case")),
                List.of(List.of(DataTable.Cell.of("p.C.m[n=1]"))), "downloads/t");
        DataTable.CellView cell = t.view().rows().get(0).get(0);
        assertThat(cell.text()).isEqualTo("p.C.m[n=1]");
        assertThat(cell.html()).isEqualTo("p.<wbr>C.<wbr>m[<wbr>n=<wbr>1]");
    }
}
