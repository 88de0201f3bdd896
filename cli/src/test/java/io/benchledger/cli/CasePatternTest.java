package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CasePatternTest {
    static final List<String> KEYS = List.of(
            "io.acme.crypto.AesGcmBenchmark.encrypt[payload=64]@thrpt",
            "io.acme.crypto.AesGcmBenchmark.encrypt[payload=1024]@thrpt",
            "io.acme.crypto.AesGcmBenchmark.encryptInPlace[payload=64]@thrpt",
            "io.acme.crypto.AesGcmBenchmark.decrypt[payload=64]@thrpt",
            "io.acme.conc.Counter.increment@thrpt/t8",
            "BM_Tensor/1024");

    static List<String> select(String typed) {
        return CasePattern.of(typed).select(KEYS);
    }

    @Test
    void aBenchmarkNameAsTypedSelectsEveryParameterOfIt() {
        assertThat(select("AesGcmBenchmark.encrypt")).containsExactly(KEYS.get(0), KEYS.get(1));
        assertThat(select("io.acme.crypto.AesGcmBenchmark.encrypt")).containsExactly(KEYS.get(0), KEYS.get(1));
        assertThat(select("AesGcmBenchmark.encrypt[payload=64]")).containsExactly(KEYS.get(0));
        assertThat(select("encrypt")).containsExactly(KEYS.get(0), KEYS.get(1));
        assertThat(select("Counter.increment")).containsExactly(KEYS.get(4));
    }

    @Test
    void globsAndExactKeys() {
        assertThat(select("AesGcmBenchmark.encrypt*")).containsExactly(KEYS.get(0), KEYS.get(1), KEYS.get(2));
        assertThat(select("*Benchmark.?ecrypt")).containsExactly(KEYS.get(3));
        assertThat(select(KEYS.get(4))).containsExactly(KEYS.get(4));
        assertThat(select("BM_Tensor/1024")).containsExactly(KEYS.get(5));
        // a part of a name is not a name: no match without a wildcard
        assertThat(select("AesGcm")).isEmpty();
        assertThat(select("crypt")).isEmpty();
    }
}
