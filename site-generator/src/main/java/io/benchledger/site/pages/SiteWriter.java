package io.benchledger.site.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the site's files. A file whose bytes are already there is left untouched (so its time
 * stamp and a git-hosted site's diff stay quiet), and every file the site should hold is recorded,
 * so files of benchmarks or versions that are gone can be removed afterwards.
 */
public final class SiteWriter {
    private final Path root;
    // pages are written from several threads
    private final Set<String> expected = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    // folders made (or found) so far: Files.createDirectories on an existing folder throws and catches an exception
    private final Set<Path> madeFolders = ConcurrentHashMap.newKeySet();

    public SiteWriter(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    public Path root() {
        return root;
    }

    public void write(String rel, String content) throws IOException {
        write(rel, content.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String rel, byte[] bytes) throws IOException {
        Path target = resolve(rel);
        expected.add(rel);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            unchanged.incrementAndGet();
            return;
        }
        folder(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.incrementAndGet();
    }

    /** Copies an immutable file (an archive Parquet file): skipped when a file of the same size is there. */
    public void copyImmutable(Path source, String rel) throws IOException {
        Path target = resolve(rel);
        expected.add(rel);
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(source)) {
            unchanged.incrementAndGet();
            return;
        }
        folder(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.incrementAndGet();
    }

    private void folder(Path dir) throws IOException {
        if (!madeFolders.contains(dir)) {
            Files.createDirectories(dir);
            madeFolders.add(dir);
        }
    }

    public void copy(InputStream in, String rel) throws IOException {
        try (in) {
            write(rel, in.readAllBytes());
        }
    }

    /** Records a file left as it is (incremental generation found its inputs unchanged). */
    public boolean keep(String rel) {
        if (Files.isRegularFile(resolve(rel))) {
            expected.add(rel);
            return true;
        }
        return false;
    }

    /** Removes files under the given folders that this generation did not produce or keep. */
    public int removeStale(List<String> folders) throws IOException {
        int removed = 0;
        for (String folder : folders) {
            for (Path f : filesUnder(resolve(folder))) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (!expected.contains(rel)) {
                    Files.delete(f);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The regular files under {@code dir}, in path order; none when it is not a folder. */
    public static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Path resolve(String rel) {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path outside the site: " + rel);
        }
        return p;
    }

    /** The files this generation wrote or kept so far, relative to the root. */
    public Set<String> expected() {
        return Set.copyOf(expected);
    }

    public int written() {
        return written.get();
    }

    public int unchanged() {
        return unchanged.get();
    }
}
