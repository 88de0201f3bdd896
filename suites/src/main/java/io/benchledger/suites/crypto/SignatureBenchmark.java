package io.benchledger.suites.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signing and verifying a 256-byte message with Ed25519 and with ECDSA over P-256 (SHA-256). The
 * average time per call, and in sample mode the distribution of single calls (p50 … p99.9).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {
    private final byte[] message = new byte[256];
    private KeyPair ed;
    private KeyPair ec;
    private Signature edSigner;
    private Signature edVerifier;
    private Signature ecSigner;
    private Signature ecVerifier;
    private byte[] edSignature;
    private byte[] ecSignature;

    @Setup
    public void setup() throws GeneralSecurityException {
        new Random(3).nextBytes(message);
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        ec = kpg.generateKeyPair();
        edSigner = Signature.getInstance("Ed25519");
        edVerifier = Signature.getInstance("Ed25519");
        ecSigner = Signature.getInstance("SHA256withECDSA");
        ecVerifier = Signature.getInstance("SHA256withECDSA");
        edSignature = edSign();
        ecSignature = ecdsaSign();
    }

    @Benchmark
    public byte[] edSign() throws GeneralSecurityException {
        edSigner.initSign(ed.getPrivate());
        edSigner.update(message);
        return edSigner.sign();
    }

    @Benchmark
    public boolean edVerify() throws GeneralSecurityException {
        edVerifier.initVerify(ed.getPublic());
        edVerifier.update(message);
        return edVerifier.verify(edSignature);
    }

    @Benchmark
    public byte[] ecdsaSign() throws GeneralSecurityException {
        ecSigner.initSign(ec.getPrivate());
        ecSigner.update(message);
        return ecSigner.sign();
    }

    @Benchmark
    public boolean ecdsaVerify() throws GeneralSecurityException {
        ecVerifier.initVerify(ec.getPublic());
        ecVerifier.update(message);
        return ecVerifier.verify(ecSignature);
    }
}
