package io.benchledger.suites.allocation;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Building a string of {@code parts} numbers: concatenation in a loop against one StringBuilder. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StringBuildingBenchmark {
    @Param({"10", "100"})
    public int parts;

    @Benchmark
    public String concatenation() {
        String s = "";
        for (int i = 0; i < parts; i++) {
            s += i + ",";
        }
        return s;
    }

    @Benchmark
    public String stringBuilder() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            sb.append(i).append(',');
        }
        return sb.toString();
    }
}
