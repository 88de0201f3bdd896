package io.benchledger.suites.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** 32 random bytes (a key or a nonce) from the platform's default SecureRandom and from DRBG. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SecureRandomBenchmark {
    private final byte[] out = new byte[32];
    private SecureRandom platform;
    private SecureRandom drbg;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        platform = new SecureRandom();
        drbg = SecureRandom.getInstance("DRBG");
    }

    @Benchmark
    public byte[] platformDefault() {
        platform.nextBytes(out);
        return out;
    }

    @Benchmark
    public byte[] drbg() {
        drbg.nextBytes(out);
        return out;
    }
}
