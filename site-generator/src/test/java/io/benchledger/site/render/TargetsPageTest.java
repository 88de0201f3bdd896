package io.benchledger.site.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.site.pages.DataTable.Cell;
import org.junit.jupiter.api.Test;

/** Budget values as people read them on the Targets page and the dashboard. */
class TargetsPageTest {
    @Test
    void bytesPerSecondReadAsMegabytesAsBudgetsWriteThemAndSortByTheRawNumber() {
        Cell c = TargetsPage.value(98_630_000, "B/s"); // AES-GCM of 1 MiB on a quick run
        assertThat(c.text()).isEqualTo("98.6 MB/s");
        assertThat(Double.parseDouble(c.raw())).isEqualTo(98_630_000.0); // what the column sorts by
        assertThat(TargetsPage.value(400_000_000, "B/s").text()).isEqualTo("400 MB/s");
        assertThat(TargetsPage.value(16, "B/op").text()).isEqualTo("16");
        assertThat(TargetsPage.value(Double.NaN, "B/s").text()).isEqualTo("n/a");
    }
}
