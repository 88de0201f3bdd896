package io.benchledger.suites.concurrency;

import io.benchledger.suites.crypto.AesGcmService;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The service path of AES-256-GCM under concurrent load: every thread encrypts or decrypts 1 KiB
 * messages with its own cipher, as a request handler would. The suite configuration runs it at 1 to
 * 32 threads; with no shared state the speed-up should follow the number of processors and stay
 * flat above it. Scores are total throughput across all threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AesGcmServiceBenchmark {
    static final int MESSAGE_BYTES = 1024;

    private AesGcmService service;

    @Setup
    public void setup() throws GeneralSecurityException {
        service = new AesGcmService(MESSAGE_BYTES);
    }

    @Benchmark
    public byte[] encrypt1k() throws GeneralSecurityException {
        return service.encrypt();
    }

    @Benchmark
    public byte[] decrypt1k() throws GeneralSecurityException {
        return service.decrypt();
    }
}
