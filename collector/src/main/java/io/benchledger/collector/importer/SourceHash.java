package io.benchledger.collector.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of a source: a file's bytes, or a folder's files (name and bytes) in name order. */
public final class SourceHash {
    private SourceHash() {
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha().digest(bytes));
    }

    /** Each file contributes its name, a NUL, its length, a NUL and its bytes, in the order given. */
    public static String ofFiles(List<Path> files, List<String> names) throws IOException {
        MessageDigest md = sha();
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < files.size(); i++) {
            md.update(names.get(i).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Long.toString(Files.size(files.get(i))).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) 0);
            try (InputStream in = Files.newInputStream(files.get(i))) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
