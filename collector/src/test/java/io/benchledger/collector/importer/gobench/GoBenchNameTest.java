package io.benchledger.collector.importer.gobench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoBenchNameTest {
    @Test
    void keyValuePartsAreParametersAndTheSuffixIsGomaxprocs() {
        assertThat(GoBenchImporter.Name.parse("BenchmarkNew/text=opticks/size=100K/bits=32-8"))
                .isEqualTo(new GoBenchImporter.Name("BenchmarkNew", Map.of("bits", "32", "size", "100K", "text", "opticks"), 8));
        // a part whose "key" is not a name stays part of the name
        assertThat(GoBenchImporter.Name.parse("BenchmarkFib/my/tabled/benchmark_-_20,var1=13,var2=14"))
                .isEqualTo(new GoBenchImporter.Name("BenchmarkFib/my/tabled/benchmark_-_20,var1=13,var2=14", Map.of(), 1));
        assertThat(GoBenchImporter.Name.parse("Benchmark_Ctx_Accepts/run-[]string{\"json\",_\"xml\"}-4"))
                .isEqualTo(new GoBenchImporter.Name("Benchmark_Ctx_Accepts/run-[]string{\"json\",_\"xml\"}", Map.of(), 4));
    }
}
