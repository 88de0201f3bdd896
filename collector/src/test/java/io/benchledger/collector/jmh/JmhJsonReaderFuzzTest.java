package io.benchledger.collector.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mutated variants of valid JMH JSON (seeded, so every run checks the same inputs): the reader
 * either returns every entry complete or throws {@link BadInputException} naming the file;
 * nothing else escapes and nothing half-read is returned.
 */
class JmhJsonReaderFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int VARIANTS = 1500;

    @Test
    void mutatedInputsGiveCompleteResultsOrBadInput() throws Exception {
        List<byte[]> seeds = List.of(
                Files.readAllBytes(JmhJsonReaderTest.resource("bencherdev__bencher/lib/bencher_adapter/tool_output/java/jmh/six.json")),
                Files.readAllBytes(JmhJsonReaderTest.resource("kamilkloch__fs2-benchmark/jmh-result.json")),
                histogramAndGcSeed());
        Random random = new Random(20260101L);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < VARIANTS; i++) {
            byte[] seed = seeds.get(i % seeds.size());
            byte[] input = mutate(seed, random);
            try {
                JmhResults r = JmhJsonReader.read("fuzz.json", new ByteArrayInputStream(input), JmhJsonReaderTest.RUN);
                checkComplete(input, r, i);
                accepted++;
            } catch (BadInputException e) {
                assertThat(e.getMessage()).as("variant %d", i).startsWith("fuzz.json: ").doesNotContain("\n");
                rejected++;
            } catch (Throwable t) {
                fail("variant " + i + " threw " + t + " for input: "
                        + new String(input, 0, Math.min(input.length, 300), StandardCharsets.UTF_8), t);
            }
        }
        // the mutations must exercise both outcomes
        assertThat(accepted).isGreaterThan(50);
        assertThat(rejected).isGreaterThan(300);
    }

    /** Every entry of a file that was accepted is there, with its primary metric and only its own samples. */
    private static void checkComplete(byte[] input, JmhResults r, int variant) throws Exception {
        JsonNode tree = MAPPER.readTree(input);
        long primaries = r.results().stream().filter(Result::isPrimary).count();
        assertThat(primaries).as("variant %d: one primary result per entry", variant).isEqualTo(tree.size());
        Set<String> keys = r.results().stream().map(x -> x.caseKey() + "|" + x.metric()).collect(Collectors.toSet());
        for (Sample s : r.samples()) {
            assertThat(keys).as("variant %d: sample without its result", variant).contains(s.caseKey() + "|" + s.metric());
            assertThat(s.weight()).isPositive();
        }
        for (Result x : r.results()) {
            assertThat(x.unit()).isNotNull();
            assertThat(x.benchmark()).isNotBlank();
        }
    }

    static byte[] histogramAndGcSeed() {
        return ("[{\"jmhVersion\":\"1.37\",\"benchmark\":\"a.B.sample\",\"mode\":\"sample\",\"threads\":2,\"forks\":2,"
                + "\"warmupIterations\":1,\"warmupTime\":\"1 s\",\"measurementIterations\":2,\"measurementTime\":\"1 s\","
                + "\"params\":{\"size\":\"64\"},"
                + "\"primaryMetric\":{\"score\":1.5,\"scoreError\":\"NaN\",\"scoreConfidence\":[\"NaN\",\"NaN\"],"
                + "\"scorePercentiles\":{\"0.0\":1.0,\"50.0\":1.5,\"90.0\":2.0,\"95.0\":2.0,\"99.0\":2.0,\"99.9\":2.0,\"100.0\":2.0},"
                + "\"scoreUnit\":\"us/op\",\"rawDataHistogram\":[[[[1.0,3],[2.0,1]],[[1.5,2]]],[[[1.0,1]],[[2.0,4]]]]},"
                + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":24.0,\"scoreError\":0.0,\"scoreConfidence\":[24.0,24.0],"
                + "\"scoreUnit\":\"B/op\",\"rawData\":[[24.0,24.0],[24.0,24.0]]},"
                + "\"sample:p0.50\":{\"score\":1.5,\"scoreUnit\":\"us/op\",\"rawData\":[[1.5]]}}}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- mutations

    static byte[] mutate(byte[] seed, Random r) throws Exception {
        switch (r.nextInt(8)) {
            case 0:
                return treeMutation(seed, r, Mutation.DELETE);
            case 1:
            case 2:
                return treeMutation(seed, r, Mutation.WRONG_TYPE);
            case 3:
                return treeMutation(seed, r, Mutation.DEEP);
            case 4: { // truncation
                return Arrays.copyOf(seed, r.nextInt(seed.length));
            }
            case 5: { // broken UTF-8: stray continuation or lead bytes
                byte[] b = seed.clone();
                int n = 1 + r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
                }
                return b;
            }
            case 6: { // random byte flips
                byte[] b = seed.clone();
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                return b;
            }
            default:
                return treeMutation(seed, r, Mutation.HUGE_NUMBER);
        }
    }

    enum Mutation { DELETE, WRONG_TYPE, DEEP, HUGE_NUMBER }

    static byte[] treeMutation(byte[] seed, Random r, Mutation m) throws Exception {
        JsonNode root = MAPPER.readTree(seed);
        List<JsonNode[]> slots = new ArrayList<>(); // {parent, index-or-name as TextNode}
        collect(root, slots);
        JsonNode[] slot = slots.get(r.nextInt(slots.size()));
        JsonNode parent = slot[0];
        String key = slot[1].asText();
        JsonNode replacement = null;
        switch (m) {
            case DELETE:
                break;
            case WRONG_TYPE:
                replacement = wrongValue(r);
                break;
            case DEEP: {
                JsonNode n = JsonNodeFactory.instance.numberNode(1);
                int depth = r.nextBoolean() ? 50 + r.nextInt(100) : 3000;
                for (int d = 0; d < depth; d++) {
                    ArrayNode a = JsonNodeFactory.instance.arrayNode();
                    a.add(n);
                    n = a;
                }
                if (depth > 1000) {
                    // beyond Jackson's tree depth: splice as text
                    return spliceDeep(seed, r, depth);
                }
                replacement = n;
                break;
            }
            default:
                replacement = r.nextBoolean()
                        ? JsonNodeFactory.instance.numberNode(new BigInteger("9".repeat(1 + r.nextInt(400))))
                        : JsonNodeFactory.instance.numberNode(r.nextBoolean() ? Double.MAX_VALUE : -Double.MIN_VALUE);
        }
        if (parent.isObject()) {
            if (replacement == null) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ObjectNode) parent).set(key, replacement);
            }
        } else {
            int i = Integer.parseInt(key);
            if (replacement == null) {
                ((ArrayNode) parent).remove(i);
            } else {
                ((ArrayNode) parent).set(i, replacement);
            }
        }
        return MAPPER.writeValueAsBytes(root);
    }

    private static byte[] spliceDeep(byte[] seed, Random r, int depth) {
        String s = new String(seed, StandardCharsets.UTF_8);
        int at = s.indexOf("\"score\":");
        String deep = "[".repeat(depth) + "1" + "]".repeat(depth);
        String out = s.substring(0, at + 8) + deep + s.substring(s.indexOf(',', at + 8));
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode wrongValue(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (r.nextInt(9)) {
            case 0: return f.textNode("abc");
            case 1: return f.booleanNode(true);
            case 2: return f.nullNode();
            case 3: return f.objectNode().put("x", 1);
            case 4: return f.arrayNode().add("y");
            case 5: return f.numberNode(-1);
            case 6: return f.textNode("NaN");
            case 7: return f.numberNode(1.5);
            default: return f.textNode("\u0000\u00b7\ud83d\ude80");
        }
    }

    private static void collect(JsonNode node, List<JsonNode[]> slots) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                slots.add(new JsonNode[] {node, f.textNode(name)});
                collect(node.get(name), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new JsonNode[] {node, f.textNode(Integer.toString(i))});
                collect(node.get(i), slots);
            }
        }
    }
}
