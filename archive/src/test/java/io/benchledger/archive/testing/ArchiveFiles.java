package io.benchledger.archive.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A listing of every file under a folder with its size and hash: equal listings, equal archives. */
public final class ArchiveFiles {
    private ArchiveFiles() {
    }

    public static String listing(Path root) throws IOException {
        if (!Files.exists(root)) {
            return "";
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    byte[] b = Files.readAllBytes(p);
                    return root.relativize(p) + " " + b.length + " "
                            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
                } catch (Exception e) {
                    return root.relativize(p) + " unreadable";
                }
            }).collect(Collectors.joining("\n"));
        }
    }
}
