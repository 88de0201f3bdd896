package io.benchledger.suites.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Jackson parsing (to a tree and to objects) and serialising of an order document with
 * {@code items} line items: 10 items is about 1.5 KB, 1000 about 150 KB, 10000 about 1.5 MB.
 * The document is generated from a fixed seed, so every run sees the same bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JacksonBenchmark {
    @Param({"10", "1000", "10000"})
    public int items;

    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] json;
    private Order order;

    /** A document with nested objects, arrays, strings and numbers. */
    public record Order(String id, String customer, String currency, List<Item> items, Map<String, String> tags) {
    }

    public record Item(String sku, String name, int quantity, double price, boolean gift) {
    }

    @Setup
    public void setup() throws JsonProcessingException {
        order = order(items, 11);
        json = mapper.writeValueAsBytes(order);
    }

    /** A document of the given number of items, the same for the same seed (also the pipeline workload's input). */
    public static Order order(int items, long seed) {
        Random r = new Random(seed);
        List<Item> list = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            list.add(new Item("SKU-" + (100000 + r.nextInt(900000)), "item " + Long.toString(r.nextLong(), 36),
                    1 + r.nextInt(9), Math.round(r.nextDouble() * 100000) / 100.0, r.nextInt(10) == 0));
        }
        return new Order("order-" + items, "customer-42", "EUR", list, Map.of("channel", "web", "region", "eu-west"));
    }

    @Benchmark
    public JsonNode parseTree() throws IOException {
        return mapper.readTree(json);
    }

    @Benchmark
    public Order parseObject() throws IOException {
        return mapper.readValue(json, Order.class);
    }

    @Benchmark
    public byte[] serialise() throws JsonProcessingException {
        return mapper.writeValueAsBytes(order);
    }
}
