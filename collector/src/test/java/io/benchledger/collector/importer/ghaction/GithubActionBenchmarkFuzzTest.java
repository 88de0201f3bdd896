package io.benchledger.collector.importer.ghaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.collector.importer.ImportContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of a valid github-action-benchmark history (deleted fields, wrong types, huge
 * numbers, broken UTF-8, deep nesting, truncation, stray bytes): the importer either reads the
 * variant into complete runs or rejects it with a {@link BadInputException}, never anything else.
 */
class GithubActionBenchmarkFuzzTest {
    private static final int VARIANTS = 1500;
    /** Writes the deep variants too (the default writer stops at depth 1000). */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
            .build());
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void mutatedHistoriesGiveCompleteRunsOrOneBadInputError() throws Exception {
        ObjectNode base = baseDocument();
        GithubActionBenchmarkImporter importer = new GithubActionBenchmarkImporter();
        ImportContext ctx = new ImportContext("", "", "", Optional.empty(), "0".repeat(64), "test");
        int accepted = 0;
        int rejected = 0;
        for (int seed = 0; seed < VARIANTS; seed++) {
            Random rnd = new Random(seed);
            ObjectNode doc = base.deepCopy();
            int treeMutations = rnd.nextInt(3);
            for (int m = 0; m < treeMutations; m++) {
                mutateTree(doc, rnd);
            }
            byte[] bytes = ("window.BENCHMARK_DATA = " + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + ";\n")
                    .getBytes(StandardCharsets.UTF_8);
            boolean bytesMutated = treeMutations == 0 || rnd.nextInt(3) == 0;
            if (bytesMutated) {
                bytes = mutateBytes(bytes, rnd);
            }
            List<RunRecord> runs;
            try {
                runs = importer.read("variant-" + seed + ".js", bytes, ctx);
            } catch (BadInputException e) {
                rejected++;
                assertThat(e.getMessage()).as("seed %d", seed).startsWith("variant-" + seed + ".js: ").doesNotContain("\n");
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                fail("seed " + seed + ": " + e, e);
                return;
            }
            accepted++;
            checkComplete(runs, seed);
            if (!bytesMutated) {
                assertThat(runs).as("seed %d: one run per entry", seed).hasSize(entries(doc));
            }
        }
        // the mutations must exercise both outcomes, or the test proves little
        assertThat(accepted).isGreaterThan(VARIANTS / 20);
        assertThat(rejected).isGreaterThan(VARIANTS / 2);
    }

    /** Every result belongs to its run, every sample to a result of its run, counts agree, values finite. */
    private static void checkComplete(List<RunRecord> runs, int seed) {
        for (RunRecord r : runs) {
            assertThat(r.run().runId()).as("seed %d", seed).hasSize(26);
            Map<String, Result> byKey = new HashMap<>();
            for (Result res : r.results()) {
                assertThat(res.runId()).isEqualTo(r.run().runId());
                assertThat(res.benchmark()).isNotEmpty();
                assertThat(Double.isFinite(res.score())).as("seed %d score", seed).isTrue();
                assertThat(byKey.put(res.caseKey() + "\u0000" + res.metric(), res)).as("seed %d duplicate case", seed).isNull();
            }
            Map<String, Integer> counts = new HashMap<>();
            for (Sample s : r.samples()) {
                assertThat(s.runId()).isEqualTo(r.run().runId());
                assertThat(byKey).as("seed %d sample without result", seed).containsKey(s.caseKey() + "\u0000" + s.metric());
                assertThat(Double.isFinite(s.value())).isTrue();
                counts.merge(s.caseKey() + "\u0000" + s.metric(), 1, Integer::sum);
            }
            for (Map.Entry<String, Result> e : byKey.entrySet()) {
                assertThat((long) counts.getOrDefault(e.getKey(), 0)).as("seed %d sample count", seed)
                        .isEqualTo(e.getValue().sampleCount());
            }
        }
    }

    private static int entries(ObjectNode doc) {
        int n = 0;
        for (JsonNode suite : doc.get("entries")) {
            n += suite.size();
        }
        return n;
    }

    /** The first six entries of the real OpenTelemetry history, plus entries of other tools. */
    private static ObjectNode baseDocument() throws Exception {
        Path file = Path.of(GithubActionBenchmarkFuzzTest.class.getResource(
                "/external/gh-action-benchmark/open-telemetry__opentelemetry-java/2023-09_to_2026-01/data.js").toURI());
        String text = Files.readString(file);
        ObjectNode full = (ObjectNode) JSON.readTree(text.substring(text.indexOf('{')).trim().replaceAll(";$", ""));
        ArrayNode all = (ArrayNode) full.get("entries").get("Benchmark");
        ArrayNode some = F.arrayNode();
        for (int i = 0; i < 6; i++) {
            some.add(all.get(i));
        }
        ObjectNode doc = full.deepCopy();
        ObjectNode entries = F.objectNode();
        entries.set("Benchmark", some);
        ObjectNode go = all.get(0).deepCopy();
        go.put("tool", "go");
        ArrayNode benches = F.arrayNode();
        benches.add(F.objectNode().put("name", "BenchmarkFib20 - ns/op").put("value", 40537.1).put("unit", "ns/op"));
        benches.add(F.objectNode().put("name", "BenchmarkFib20 - B/op").put("value", 0).put("unit", "B/op")
                .put("extra", "30000 times\n8 procs"));
        go.set("benches", benches);
        ArrayNode other = F.arrayNode();
        other.add(go);
        entries.set("Go Benchmark", other);
        doc.set("entries", entries);
        return doc;
    }

    // ---------------------------------------------------------------- mutations

    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void delete() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(JsonNode n, List<Slot> out) {
        if (n.isObject()) {
            Iterator<String> names = n.fieldNames();
            List<String> list = new ArrayList<>();
            names.forEachRemaining(list::add);
            for (String name : list) {
                out.add(new Slot(n, name, -1));
                collect(n.get(name), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(new Slot(n, null, i));
                collect(n.get(i), out);
            }
        }
    }

    private static void mutateTree(ObjectNode doc, Random rnd) {
        List<Slot> slots = slots(doc);
        Slot s = slots.get(rnd.nextInt(slots.size()));
        switch (rnd.nextInt(7)) {
            case 0 -> s.delete();
            case 1 -> s.set(wrongType(s.get(), rnd));
            case 2 -> s.set(huge(rnd));
            case 3 -> s.set(deep(rnd.nextInt(3000) + 1, rnd));
            case 4 -> s.set(F.textNode("x".repeat(rnd.nextInt(200_000))));
            case 5 -> s.set(rnd.nextBoolean() ? F.arrayNode() : F.objectNode());
            default -> s.set(F.nullNode());
        }
    }

    private static JsonNode wrongType(JsonNode v, Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> v.isTextual() ? F.numberNode(rnd.nextInt()) : F.textNode("text-" + rnd.nextInt(100));
            case 1 -> F.booleanNode(rnd.nextBoolean());
            case 2 -> F.arrayNode().add(v.deepCopy());
            case 3 -> F.objectNode().set("wrapped", v.deepCopy());
            default -> F.numberNode(rnd.nextDouble() * 1e6);
        };
    }

    private static JsonNode huge(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> F.numberNode(new java.math.BigInteger("9".repeat(1 + rnd.nextInt(400))));
            case 1 -> F.numberNode(new java.math.BigDecimal("1e" + (300 + rnd.nextInt(100_000))));
            case 2 -> F.numberNode(-Double.MAX_VALUE);
            case 3 -> F.numberNode(Long.MAX_VALUE);
            default -> F.numberNode(Double.MIN_VALUE);
        };
    }

    private static JsonNode deep(int depth, Random rnd) {
        JsonNode n = F.numberNode(1);
        for (int i = 0; i < depth; i++) {
            n = rnd.nextBoolean() ? F.arrayNode().add(n) : F.objectNode().set("d", n);
        }
        return n;
    }

    private static byte[] mutateBytes(byte[] b, Random rnd) {
        int at = rnd.nextInt(b.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (rnd.nextInt(6)) {
            case 0 -> out.write(b, 0, at); // truncation
            case 1 -> { // broken UTF-8: a lone continuation byte, an invalid lead byte or an encoded surrogate
                out.write(b, 0, at);
                byte[][] broken = {{(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
                out.writeBytes(broken[rnd.nextInt(broken.length)]);
                out.write(b, at, b.length - at);
            }
            case 2 -> { // a random byte changed
                byte[] c = b.clone();
                c[at] = (byte) rnd.nextInt(256);
                return c;
            }
            case 3 -> { // a slice removed
                out.write(b, 0, at);
                int skip = Math.min(b.length - at, 1 + rnd.nextInt(200));
                out.write(b, at + skip, b.length - at - skip);
            }
            case 4 -> { // deep nesting spliced into the text
                out.write(b, 0, at);
                out.writeBytes("[".repeat(rnd.nextInt(5000)).getBytes(StandardCharsets.US_ASCII));
                out.write(b, at, b.length - at);
            }
            default -> { // NUL and control bytes
                out.write(b, 0, at);
                out.write(0);
                out.write(b, at, b.length - at);
            }
        }
        return out.toByteArray();
    }
}
