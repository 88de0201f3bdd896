package io.benchledger.site.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Severity;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunSelection;
import io.benchledger.site.model.SiteComparison;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComparisonTablesTest {
    private static CaseComparison row(String benchmark, String size, String metric, String unit, double change) {
        TreeMap<String, String> params = new TreeMap<>(Map.of("size", size));
        return new CaseComparison(benchmark + "{size=" + size + "}", benchmark, params, metric, unit, false, 100,
                100 * (1 + change), 100, 100 * (1 + change), change, change - 0.01, change + 0.01, 0.001, 0.001, 0.002,
                3, Verdict.REGRESSED, Severity.MINOR, 30, 30, 0);
    }

    /** A case compared on its score and on gc.alloc.rate.norm, and a second class with the same simple name. */
    private static ComparisonView view() {
        return ComparisonView.of("n", "t", new RunSelection("a", List.of("r1")), new RunSelection("b", List.of("r2")),
                SiteComparison.of(List.of(
                        row("io.x.alloc.StringBuilding.concat", "10", "gc.alloc.rate.norm", "B/op", 0.5),
                        row("io.x.alloc.StringBuilding.concat", "10", "primary", "ns/op", 0.2),
                        row("io.x.alloc.StringBuilding.concat", "20", "primary", "ns/op", 0.1),
                        row("io.y.StringBuilding.concat", "10", "primary", "ns/op", 0.3))));
    }

    @Test
    void forestPlotLabelsTellEveryCaseAndMetricApart() throws Exception {
        String script = ComparisonTables.chart(view());
        JsonNode doc = new ObjectMapper().readTree(script.substring(script.indexOf('{'), script.lastIndexOf('}') + 1));
        List<String> labels = new ArrayList<>();
        doc.path("items").forEach(i -> labels.add(i.path("label").asText()));
        // the score first, then the secondary metric, named; a shared Class.method gets its whole name
        assertThat(labels).containsExactly(
                "io.x.alloc.StringBuilding.concat [size=10]",
                "StringBuilding.concat [size=10] \u00b7 gc.alloc.rate.norm",
                "StringBuilding.concat [size=20]",
                "io.y.StringBuilding.concat [size=10]");
        assertThat(doc.path("items").get(1).path("full").asText())
                .isEqualTo("io.x.alloc.StringBuilding.concat [size=10] \u00b7 gc.alloc.rate.norm");
    }

    /** One benchmark in two modes and at two thread counts: the case key's suffix tells them apart. */
    @Test
    void forestPlotLabelsNameTheModeAndThreadsOfTheCase() throws Exception {
        String b = "io.x.crypto.SignatureBenchmark.ecdsaSign";
        List<CaseComparison> rows = new ArrayList<>();
        for (String suffix : List.of("@avgt", "@sample", "@thrpt/t1", "@thrpt/t8")) {
            rows.add(new CaseComparison(b + suffix, b, new TreeMap<>(), "primary", "us/op", false, 100, 110, 100, 110, 0.1,
                    0.09, 0.11, 0.001, 0.001, 0.002, 3, Verdict.REGRESSED, Severity.MINOR, 30, 30, 0));
        }
        ComparisonView cv = ComparisonView.of("n", "t", new RunSelection("a", List.of("r1")),
                new RunSelection("b", List.of("r2")), SiteComparison.of(rows));
        String script = ComparisonTables.chart(cv);
        JsonNode doc = new ObjectMapper().readTree(script.substring(script.indexOf('{'), script.lastIndexOf('}') + 1));
        List<String> labels = new ArrayList<>();
        doc.path("items").forEach(i -> labels.add(i.path("label").asText()));
        assertThat(labels).containsExactlyInAnyOrder("SignatureBenchmark.ecdsaSign @avgt", "SignatureBenchmark.ecdsaSign @sample",
                "SignatureBenchmark.ecdsaSign @thrpt/t1", "SignatureBenchmark.ecdsaSign @thrpt/t8");
    }

    @Test
    void theTableHasAMetricColumn() {
        DataTable t = ComparisonTables.table(view(), "id", "../");
        assertThat(t.rows()).hasSize(4);
        assertThat(t.rows().get(1).get(2).text()).isEqualTo("gc.alloc.rate.norm");
        assertThat(t.rows().get(1).get(3).text()).isEqualTo("B/op");
        assertThat(t.rows().get(0).get(2).text()).isEqualTo("primary");
        // Class.method shown where it is unique, the whole name where two classes share it; downloads keep it whole
        assertThat(t.rows().stream().map(r -> r.get(0).text()).toList()).containsExactly(
                "io.x.alloc.StringBuilding.concat", "io.x.alloc.StringBuilding.concat", "io.x.alloc.StringBuilding.concat",
                "io.y.StringBuilding.concat");
        assertThat(t.rows().get(0).get(0).raw()).isEqualTo("io.x.alloc.StringBuilding.concat");
        ComparisonView one = ComparisonView.of("n", "t", new RunSelection("a", List.of("r1")),
                new RunSelection("b", List.of("r2")), SiteComparison.of(List.of(
                        row("io.x.alloc.StringBuilding.concat", "10", "primary", "ns/op", 0.2))));
        Cell only = ComparisonTables.table(one, "id", "../").rows().get(0).get(0);
        assertThat(only.text()).isEqualTo("StringBuilding.concat");
        assertThat(only.raw()).isEqualTo("io.x.alloc.StringBuilding.concat");
    }
}
