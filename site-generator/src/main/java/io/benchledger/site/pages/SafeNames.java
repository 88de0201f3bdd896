package io.benchledger.site.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names for pages named after untrusted text (benchmark names, versions): a readable ASCII
 * slug plus a hash of the full text, so names never collide, never hold a path separator or a
 * character a web server or file system treats specially, and stay short.
 */
public final class SafeNames {
    private static final int SLUG_MAX = 48;
    private static final java.util.regex.Pattern PLAIN_RUN_ID = java.util.regex.Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private SafeNames() {
    }

    public static String of(String text) {
        return of(text, text);
    }

    /** A slug of {@code readable} with a hash of {@code identity} (when the readable part is not unique). */
    public static String of(String readable, String identity) {
        String text = readable;
        StringBuilder slug = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < text.length() && slug.length() < SLUG_MAX; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug.append(c);
                dash = false;
            } else if (!dash && slug.length() > 0) {
                slug.append('-');
                dash = true;
            }
        }
        while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '-') {
            slug.setLength(slug.length() - 1);
        }
        String hash = hash(identity).substring(0, 10);
        return slug.length() == 0 ? hash : slug + "-" + hash;
    }

    public static String hash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTML id for a run: its id when it is a plain ULID-like word, else a hash. */
    public static String anchor(String runId) {
        return PLAIN_RUN_ID.matcher(runId).matches() ? "run-" + runId : "run-" + hash(runId).substring(0, 16);
    }
}
