package io.benchledger.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.site.chart.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code site-manifest.json}: what each benchmark page, each comparison page and each version page
 * of a generation was made from (a fingerprint of its inputs), so that an incremental generation into the same folder
 * can keep the pages whose inputs did not change. A manifest of another generator version or
 * project, or an unreadable one, counts as none: everything is regenerated.
 */
public final class SiteManifest {
    public static final String FILE = "site-manifest.json";

    /** A comparison page: its inputs' fingerprint and how many cases it has. */
    public record Comparison(String fingerprint, int cases) {
    }

    private final Map<String, String> benchmarks = new TreeMap<>();
    private final Map<String, Comparison> comparisons = new TreeMap<>();
    private final Map<String, String> versions = new TreeMap<>();
    private String inputs = "";
    private String files = "";
    private final java.util.List<String> topLevel = new java.util.ArrayList<>();

    public static SiteManifest read(Path siteDir, String generator, String project) {
        SiteManifest m = new SiteManifest();
        Path p = siteDir.resolve(FILE);
        if (!Files.isRegularFile(p)) {
            return m;
        }
        try {
            JsonNode node = new ObjectMapper().readTree(p.toFile());
            if (!generator.equals(node.path("generator").asText()) || !project.equals(node.path("project").asText())) {
                return m;
            }
            node.path("benchmarks").fields().forEachRemaining(e -> m.benchmarks.put(e.getKey(), e.getValue().asText()));
            node.path("comparisons").fields().forEachRemaining(e -> m.comparisons.put(e.getKey(), new Comparison(
                    e.getValue().path("fingerprint").asText(), e.getValue().path("cases").asInt())));
            node.path("versions").fields().forEachRemaining(e -> m.versions.put(e.getKey(), e.getValue().asText()));
            m.inputs = node.path("inputs").asText();
            m.files = node.path("files").asText();
            node.path("top_level").forEach(n -> m.topLevel.add(n.asText()));
        } catch (IOException e) {
            return new SiteManifest(); // unreadable: regenerate everything
        }
        return m;
    }

    /** The fingerprint of everything the whole site depends on ({@link SiteFingerprint#inputs}); empty when unknown. */
    public String inputs() {
        return inputs;
    }

    /** The fingerprint of the generated files as the generation left them ({@link SiteFingerprint#files}). */
    public String files() {
        return files;
    }

    /** The files the generation wrote at the top of the folder (besides this manifest). */
    public java.util.List<String> topLevel() {
        return java.util.List.copyOf(topLevel);
    }

    /** Records the whole generation's fingerprints, written last. */
    public synchronized void putWhole(String inputs, String files, java.util.Collection<String> topLevel) {
        this.inputs = inputs;
        this.files = files;
        this.topLevel.clear();
        this.topLevel.addAll(new java.util.TreeSet<>(topLevel));
    }

    public synchronized Optional<String> benchmark(String benchmark) {
        return Optional.ofNullable(benchmarks.get(benchmark));
    }

    public synchronized Optional<Comparison> comparison(String name) {
        return Optional.ofNullable(comparisons.get(name));
    }

    /** A version page's fingerprint, by the version's page file. */
    public synchronized Optional<String> version(String page) {
        return Optional.ofNullable(versions.get(page));
    }

    public synchronized void putVersion(String page, String fingerprint) {
        versions.put(page, fingerprint);
    }

    public synchronized void putBenchmark(String benchmark, String fingerprint) {
        benchmarks.put(benchmark, fingerprint);
    }

    public synchronized void putComparison(String name, Comparison c) {
        comparisons.put(name, c);
    }

    public synchronized String json(String generator, String project) {
        Map<String, Object> cs = new LinkedHashMap<>();
        comparisons.forEach((name, c) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("fingerprint", c.fingerprint());
            entry.put("cases", c.cases());
            cs.put(name, entry);
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("generator", generator);
        doc.put("project", project);
        doc.put("inputs", inputs);
        doc.put("files", files);
        doc.put("top_level", topLevel);
        doc.put("benchmarks", benchmarks);
        doc.put("comparisons", cs);
        doc.put("versions", versions);
        return Json.of(doc) + "\n";
    }
}
