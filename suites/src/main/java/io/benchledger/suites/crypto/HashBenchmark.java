package io.benchledger.suites.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** SHA-256 and SHA3-256 digests of {@code size} bytes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashBenchmark {
    @Param({"64", "1024", "102400"})
    public int size;

    private byte[] data;
    private MessageDigest sha256;
    private MessageDigest sha3;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        data = new byte[size];
        new Random(1).nextBytes(data);
        sha256 = MessageDigest.getInstance("SHA-256");
        sha3 = MessageDigest.getInstance("SHA3-256");
    }

    @Benchmark
    public byte[] sha256() {
        return sha256.digest(data);
    }

    @Benchmark
    public byte[] sha3_256() {
        return sha3.digest(data);
    }
}
