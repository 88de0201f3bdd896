package io.benchledger.suites.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The AES-256-GCM path of a crypto service for one thread: one key, one message of a fixed size,
 * a cipher for each direction (a {@link Cipher} is not thread-safe, so each thread holds its own).
 * Shared by the per-size benchmark, its latency twin and the concurrency group.
 */
public final class AesGcmService {
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final Cipher encryptor;
    private final Cipher decryptor;
    private final byte[] plaintext;
    private final byte[] ciphertext;
    private final byte[] decryptIv = new byte[12];
    private final byte[] iv = new byte[12];
    private long counter;

    public AesGcmService(int size) throws GeneralSecurityException {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        key = kg.generateKey();
        plaintext = new byte[size];
        new Random(42).nextBytes(plaintext);
        encryptor = Cipher.getInstance("AES/GCM/NoPadding");
        decryptor = Cipher.getInstance("AES/GCM/NoPadding");
        new Random(7).nextBytes(decryptIv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, decryptIv));
        ciphertext = c.doFinal(plaintext);
    }

    /** GCM forbids reusing a nonce with one key, so every encryption takes the next counter value. */
    public byte[] encrypt() throws GeneralSecurityException {
        ByteBuffer.wrap(iv).putLong(4, ++counter);
        encryptor.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        return encryptor.doFinal(plaintext);
    }

    public byte[] decrypt() throws GeneralSecurityException {
        decryptor.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, decryptIv));
        return decryptor.doFinal(ciphertext);
    }
}
