package io.benchledger.suites.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
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
 * Throughput is in operations per second; bytes per second is {@code score × size}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AesGcmBenchmark {
    private static final int TAG_BITS = 128;

    @Param({"64", "1024", "10240", "102400", "1048576"})
    public int size;

    private SecretKey key;
    private Cipher encryptor;
    private Cipher decryptor;
    private byte[] plaintext;
    private byte[] ciphertext;
    private byte[] decryptIv;
    private final byte[] iv = new byte[12];
    private long counter;

    @Setup
    public void setup() throws GeneralSecurityException {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        key = kg.generateKey();
        plaintext = new byte[size];
        new Random(42).nextBytes(plaintext);
        encryptor = Cipher.getInstance("AES/GCM/NoPadding");
        decryptor = Cipher.getInstance("AES/GCM/NoPadding");
        decryptIv = new byte[12];
        new Random(7).nextBytes(decryptIv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, decryptIv));
        ciphertext = c.doFinal(plaintext);
    }

    /** GCM forbids reusing a nonce with one key, so every encryption takes the next counter value. */
    @Benchmark
    public byte[] encrypt() throws GeneralSecurityException {
        ByteBuffer.wrap(iv).putLong(4, ++counter);
        encryptor.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        return encryptor.doFinal(plaintext);
    }

    @Benchmark
    public byte[] decrypt() throws GeneralSecurityException {
        decryptor.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, decryptIv));
        return decryptor.doFinal(ciphertext);
    }
}
