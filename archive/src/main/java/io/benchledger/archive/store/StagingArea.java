package io.benchledger.archive.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder under {@code .staging/} where one write prepares its files, locked for as long as its
 * writer lives. The OS drops the lock when the process dies, which is how the next open tells a
 * crashed write (unlocked, to clean) from a write in progress (locked, to leave alone).
 */
final class StagingArea implements AutoCloseable {
    static final String LOCK = ".lock";
    /**
     * Staging folders of this JVM. POSIX locks belong to the process, and closing any channel on
     * the lock file would release them, so our own folders are never probed through the file.
     */
    private static final java.util.Set<Path> OWN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private StagingArea(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    static StagingArea create(ArchiveLayout layout) throws IOException {
        Path dir = layout.staging().resolve(RunIds.next());
        Files.createDirectories(dir);
        OWN.add(dir);
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new StagingArea(dir, ch, ch.lock());
    }

    Path dir() {
        return dir;
    }

    /** Deletes the folder, then lets go of the lock. */
    @Override
    public void close() throws IOException {
        try {
            deleteTree(dir, Path.of(LOCK));
        } finally {
            lock.release();
            channel.close();
            Files.deleteIfExists(dir.resolve(LOCK));
            Files.deleteIfExists(dir);
            OWN.remove(dir);
        }
    }

    /** True when a live process (this one included) holds the folder's lock. */
    static boolean isLive(Path stagingDir) {
        if (OWN.contains(stagingDir)) {
            return true;
        }
        Path lockFile = stagingDir.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            // a writer creates the lock right after the folder: give a brand-new folder the benefit of the doubt
            try {
                return Files.getLastModifiedTime(stagingDir).toMillis() > System.currentTimeMillis() - 10_000;
            } catch (IOException e) {
                return false;
            }
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static void deleteTree(Path root, Path keep) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder())
                    .filter(p -> keep == null || !p.equals(root.resolve(keep)))
                    .filter(p -> !p.equals(root))
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
