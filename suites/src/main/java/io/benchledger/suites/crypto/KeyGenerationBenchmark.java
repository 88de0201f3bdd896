package io.benchledger.suites.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key generation of a crypto service: an AES-256 key, an EC P-256 key pair, an Ed25519 key pair. The
 * average time per call, and in sample mode the distribution of single calls (p50 … p99.9).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyGenerationBenchmark {
    private KeyGenerator aes;
    private KeyPairGenerator ec;
    private KeyPairGenerator ed25519;

    @Setup
    public void setup() throws GeneralSecurityException {
        aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ed25519 = KeyPairGenerator.getInstance("Ed25519");
    }

    @Benchmark
    public SecretKey aes256() {
        return aes.generateKey();
    }

    @Benchmark
    public KeyPair ecP256() {
        return ec.generateKeyPair();
    }

    @Benchmark
    public KeyPair ed25519() {
        return ed25519.generateKeyPair();
    }
}
