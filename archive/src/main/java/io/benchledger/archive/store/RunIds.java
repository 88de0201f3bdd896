package io.benchledger.archive.store;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Run ids are ULIDs: 48 bits of milliseconds then 80 random bits, so they sort by time and never
 * collide across collectors, hosts or merged archives.
 */
public final class RunIds {
    private RunIds() {
    }

    public static String next() {
        return UlidCreator.getMonotonicUlid().toString();
    }

    /**
     * A run id derived from where a run came from (an imported file's hash and the run's place in
     * it): importing the same run again yields the same id, so a re-import after a crash adds only
     * what is missing and never a duplicate.
     */
    public static String derived(Instant time, String... source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String s : source) {
                sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            byte[] random = Arrays.copyOf(sha.digest(), 10);
            long millis = Math.max(0, Math.min(time.toEpochMilli(), (1L << 48) - 1));
            return new Ulid(millis, random).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isRunId(String s) {
        return s.length() == 26 && Ulid.isValid(s);
    }

    public static Instant time(String runId) {
        return Ulid.from(runId).getInstant();
    }
}
