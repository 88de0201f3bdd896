package io.benchledger.suites.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AES-256-GCM encryption and decryption of one message of {@code size} bytes (64 B to 1 MiB).
 * Throughput is in operations per second; the suite names {@code size} as its bytes parameter, so
 * each case also gets {@code throughput.bytes} (score × size, B/s). {@link AesGcmLatencyBenchmark}
 * measures the same operations in sample mode for their latency percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AesGcmBenchmark {
    @Param({"64", "1024", "10240", "102400", "1048576"})
    public int size;

    private AesGcmService service;

    @Setup
    public void setup() throws GeneralSecurityException {
        service = new AesGcmService(size);
    }

    @Benchmark
    public byte[] encrypt() throws GeneralSecurityException {
        return service.encrypt();
    }

    @Benchmark
    public byte[] decrypt() throws GeneralSecurityException {
        return service.decrypt();
    }
}
