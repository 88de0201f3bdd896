package io.benchledger.suites.crypto;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The operations of {@link AesGcmBenchmark} (inherited, at every size) in JMH sample mode: each
 * call is timed, so p50 … p99.9 come from JMH's histogram of single operations, in microseconds.
 * A class of its own because a throughput in ops/s and a latency in µs/op need different time
 * units, and JMH has one per class or method.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AesGcmLatencyBenchmark extends AesGcmBenchmark {
}
