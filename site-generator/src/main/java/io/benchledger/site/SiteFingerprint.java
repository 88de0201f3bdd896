package io.benchledger.site;

import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.ArchiveLayout;
import io.benchledger.archive.store.DataFile;
import io.benchledger.archive.store.Snapshot;
import io.benchledger.site.pages.SiteWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The two fingerprints that let {@code site --incremental} skip a generation when nothing changed.
 *
 * <p>{@link #inputs}: everything the whole site's bytes depend on. The archive's committed state (the
 * live files of the snapshot a reader opens, by relative path and size: committed files are
 * immutable, so these identify the state), the archive's manifest, the acknowledgements in
 * {@code annotations/} (by content), the generator version, the code the site is made by (the jar's
 * size and time stamp, when it runs from one), the templates folder's content (the built-in templates
 * are in the jar), every site option, and what the caller adds (the comparison engine's key, the
 * program's version, the budgets' content). Not the change-point cache under {@code analysis/}: it
 * never changes an answer. Nothing in a site depends on the wall clock (every "as of" and trend
 * window is relative to the latest run), so the day is not part of it.
 *
 * <p>{@link #files}: the site folder's generated files as they are, by relative path and size: the
 * files under the folders the generator owns (a generation leaves exactly its own files there) and the
 * top-level files it wrote. A file removed, truncated or added there makes the next incremental
 * generation run.
 */
public final class SiteFingerprint {
    private SiteFingerprint() {
    }

    public static String inputs(Archive archive, Snapshot snapshot, SiteOptions options, String extra) throws IOException {
        Digest d = new Digest();
        d.add("generator", SiteGenerator.GENERATOR);
        d.add("code", code());
        Path root = archive.root().toAbsolutePath().normalize();
        for (String table : ArchiveLayout.TABLES) {
            List<String> files = new ArrayList<>();
            for (DataFile f : snapshot.files(table)) {
                files.add(root.relativize(f.path().toAbsolutePath().normalize()).toString().replace('\\', '/') + " " + f.bytes());
            }
            files.sort(null);
            files.forEach(f -> d.add("file", f));
        }
        Path manifest = archive.layout().manifest();
        if (Files.isRegularFile(manifest)) {
            d.add("archive.json", Files.readAllBytes(manifest));
        }
        folder(d, "annotation", archive.layout().annotations());
        d.add("project", options.project());
        d.add("title", options.title());
        d.add("base-url", options.baseUrl());
        d.add("compare", String.join("\n", options.compare()));
        d.add("commit-url", options.commitUrl());
        d.add("publish-samples", Boolean.toString(options.publishSamples()));
        d.add("templates", options.templates().isPresent() ? "folder" : "built-in");
        if (options.templates().isPresent()) {
            folder(d, "template", options.templates().get());
        }
        d.add("extra", extra);
        return d.hex();
    }

    /** The generated files present in {@code site}: under {@code managed} folders, and {@code topLevel} ones. */
    public static String files(Path site, List<String> managed, Collection<String> topLevel) throws IOException {
        Digest d = new Digest();
        for (String folder : managed) {
            TreeSet<String> entries = new TreeSet<>();
            for (Path p : SiteWriter.filesUnder(site.resolve(folder))) {
                entries.add(site.relativize(p).toString().replace('\\', '/') + " " + Files.size(p));
            }
            entries.forEach(e -> d.add("managed", e));
        }
        for (String name : new TreeSet<>(topLevel)) {
            Path p = site.resolve(name);
            d.add("top", name + " " + (Files.isRegularFile(p) ? Files.size(p) : -1));
        }
        return d.hex();
    }

    private static void folder(Digest d, String label, Path dir) throws IOException {
        for (Path f : SiteWriter.filesUnder(dir)) {
            d.add(label, dir.relativize(f).toString().replace('\\', '/'));
            d.add(label + " content", Files.readAllBytes(f));
        }
    }

    /** The jar the generator runs from (its size and time stamp), or nothing when it runs from classes. */
    private static String code() {
        try {
            var source = SiteGenerator.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "";
            }
            Path p = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(p)) {
                return Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return "unknown";
        }
        return "";
    }

    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(String label, String value) {
            add(label, value.getBytes(StandardCharsets.UTF_8));
        }

        void add(String label, byte[] value) {
            byte[] l = label.getBytes(StandardCharsets.UTF_8);
            sha.update(l);
            sha.update((byte) 0);
            sha.update(Long.toString(value.length).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(value);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
