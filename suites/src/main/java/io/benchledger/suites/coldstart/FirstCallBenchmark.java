package io.benchledger.suites.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Cold start: the first call of an operation in a fresh JVM, including class loading, provider
 * initialisation and interpretation before any JIT. Single-shot mode with no warm-up, one
 * measurement per fork: only the first call in each JVM is cold, so the distribution comes from
 * many forks (the suite's cold-start group pins that, whatever the profile). Every object is made
 * inside the measured call, because making it is part of what a cold service pays.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FirstCallBenchmark {
    private static final byte[] DOCUMENT = "{\"id\":\"order-1\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"price\":9.5}],\"tags\":{\"channel\":\"web\"}}"
            .getBytes(StandardCharsets.UTF_8);

    /** The first AES-256-GCM encryption: JCA provider lookup, key generation, cipher set-up. */
    @Benchmark
    public byte[] firstAesGcmEncrypt() throws GeneralSecurityException {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, kg.generateKey(), new GCMParameterSpec(128, new byte[12]));
        return c.doFinal(new byte[1024]);
    }

    /** The first JSON parse: Jackson's mapper, its factories and the parser classes. */
    @Benchmark
    public JsonNode firstJsonParse() throws IOException {
        return new ObjectMapper().readTree(DOCUMENT);
    }

    /** The first key pair: the EC provider and the P-256 curve tables. */
    @Benchmark
    public KeyPair firstEcKeyGeneration() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("EC").generateKeyPair();
    }
}
