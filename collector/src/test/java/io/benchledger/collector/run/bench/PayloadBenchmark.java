package io.benchledger.collector.run.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A payload of {@code size} bytes copied: throughput (for B/s) and sample mode (for percentiles). */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PayloadBenchmark {
    @Param({"4096"})
    public int size;

    private byte[] data;

    @Setup
    public void setup() {
        data = new byte[size];
    }

    @Benchmark
    public byte[] copy() {
        return Arrays.copyOf(data, data.length);
    }
}
