package io.benchledger.suites.load;

import io.benchledger.workload.Request;
import io.benchledger.workload.Stage;
import io.benchledger.workload.Workload;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A transaction service: a request carries a signed transfer of 256 bytes. Its stages:
 * {@code verify} checks the Ed25519 signature, {@code compute} runs a fee computation (SHA-256
 * iterated {@code computeRounds} times over the payload), {@code write} applies the transfer to the
 * account state (a concurrent map of balances) and appends it to a ledger ring.
 *
 * <p>Parameters: {@code accounts} (default 10000), {@code computeRounds} (default 200).
 */
public final class TransactionWorkload implements Workload {
    private static final int MESSAGES = 64;
    private static final int LEDGER = 1 << 16;

    private final byte[][] messages = new byte[MESSAGES][];
    private final byte[][] signatures = new byte[MESSAGES][];
    private PublicKey key;
    private int accounts = 10_000;
    private int computeRounds = 200;
    private final ConcurrentHashMap<Integer, Long> balances = new ConcurrentHashMap<>();
    private final AtomicLongArray ledger = new AtomicLongArray(LEDGER);
    private final ThreadLocal<Signature> verifiers = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    @Override
    public void setUp(Map<String, String> params) throws GeneralSecurityException {
        accounts = Integer.parseInt(params.getOrDefault("accounts", "10000"));
        computeRounds = Integer.parseInt(params.getOrDefault("computeRounds", "200"));
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        key = pair.getPublic();
        Signature signer = Signature.getInstance("Ed25519");
        Random r = new Random(5);
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = new byte[256];
            r.nextBytes(messages[i]);
            signer.initSign(pair.getPrivate());
            signer.update(messages[i]);
            signatures[i] = signer.sign();
        }
    }

    @Override
    public Map<String, Stage> stages() {
        return Map.of("verify", this::verify, "compute", this::compute, "write", this::write);
    }

    private int slot(Request r) {
        return (int) (r.sequence() % MESSAGES);
    }

    private void verify(Request r) throws GeneralSecurityException {
        Signature v = verifiers.get();
        v.initVerify(key);
        v.update(messages[slot(r)]);
        if (!v.verify(signatures[slot(r)])) {
            throw new SecurityException("bad signature on transaction " + r.sequence());
        }
    }

    private void compute(Request r) {
        MessageDigest d = digests.get();
        byte[] h = messages[slot(r)];
        for (int i = 0; i < computeRounds; i++) {
            h = d.digest(h);
        }
        r.put("fee", (h[0] & 0xff) + 1L);
    }

    private void write(Request r) {
        ByteBuffer m = ByteBuffer.wrap(messages[slot(r)]);
        int from = Math.floorMod(m.getInt(0) + (int) r.sequence(), accounts);
        int to = Math.floorMod(m.getInt(4) + (int) r.sequence(), accounts);
        long amount = 1 + Math.floorMod(m.getLong(8), 1000L);
        Object fee = r.get("fee");
        long f = fee == null ? 0 : (Long) fee;
        balances.merge(from, -amount - f, Long::sum);
        balances.merge(to, amount, Long::sum);
        ledger.set((int) (r.sequence() & (LEDGER - 1)), r.sequence() * 31 + amount);
    }
}
