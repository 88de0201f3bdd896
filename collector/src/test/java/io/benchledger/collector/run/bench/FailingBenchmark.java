package io.benchledger.collector.run.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Two cases for the runner test: one measures, one throws on its first invocation. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FailingBenchmark {
    @Param({"7"})
    public int n;

    @Benchmark
    public int works() {
        return n * 31;
    }

    @Benchmark
    public int throwsAlways() {
        throw new IllegalStateException("deliberate failure for the test, n=" + n);
    }
}
