package io.benchledger.suites.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.suites.json.JacksonBenchmark;
import io.benchledger.suites.json.JacksonBenchmark.Item;
import io.benchledger.suites.json.JacksonBenchmark.Order;
import io.benchledger.workload.Request;
import io.benchledger.workload.Stage;
import io.benchledger.workload.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A document pipeline over the JSON suite's orders: {@code parse} reads the JSON into an order,
 * {@code transform} prices it (gifts free, VAT added, items sorted by value, a total tag),
 * {@code serialise} writes the result back as JSON. Requests of an operation named {@code large} get
 * large documents, all others small ones. Parameters: {@code items} per small document (default 100),
 * {@code largeItems} per large one (default 1000).
 */
public final class PipelineWorkload implements Workload {
    private final ObjectMapper mapper = new ObjectMapper();
    private byte[][] documents;
    private byte[][] large;

    @Override
    public void setUp(Map<String, String> params) throws IOException {
        int items = Integer.parseInt(params.getOrDefault("items", "100"));
        int largeItems = Integer.parseInt(params.getOrDefault("largeItems", "1000"));
        documents = documents(items, 100);
        large = documents(largeItems, 200);
    }

    private byte[][] documents(int items, long seed) throws IOException {
        byte[][] d = new byte[16][];
        for (int i = 0; i < d.length; i++) {
            d[i] = mapper.writeValueAsBytes(JacksonBenchmark.order(items, seed + i));
        }
        return d;
    }

    @Override
    public Map<String, Stage> stages() {
        return Map.of("parse", this::parse, "transform", this::transform, "serialise", this::serialise);
    }

    private void parse(Request r) throws IOException {
        byte[][] d = "large".equals(r.operation()) ? large : documents;
        r.put("order", mapper.readValue(d[(int) (r.sequence() % d.length)], Order.class));
    }

    private void transform(Request r) {
        Order o = (Order) r.get("order");
        List<Item> priced = new ArrayList<>(o.items().size());
        double total = 0;
        for (Item i : o.items()) {
            double price = i.gift() ? 0 : Math.round(i.price() * 1.2 * 100) / 100.0;
            priced.add(new Item(i.sku(), i.name(), i.quantity(), price, i.gift()));
            total += price * i.quantity();
        }
        priced.sort((a, b) -> Double.compare(b.price() * b.quantity(), a.price() * a.quantity()));
        Map<String, String> tags = new TreeMap<>(o.tags());
        tags.put("total", String.format(java.util.Locale.ROOT, "%.2f", total));
        r.put("order", new Order(o.id(), o.customer(), o.currency(), priced, tags));
    }

    private void serialise(Request r) throws IOException {
        r.put("json", mapper.writeValueAsBytes(r.get("order")));
    }
}
