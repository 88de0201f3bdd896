package io.benchledger.collector.config;

import io.benchledger.collector.config.ConfigNode.ListNode;
import io.benchledger.collector.config.ConfigNode.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration's {@code notify:} list: webhook addresses a nightly run posts its findings to
 * (see docs/alerts.md). Kept as written, with where they were written: the command line expands
 * {@code ${VARIABLE}}s and checks the address, and its error then names this file and line.
 */
public final class NotifyConfig {
    /** One webhook as written, and {@code file:line} where. */
    public record Entry(String url, String where) {
    }

    private NotifyConfig() {
    }

    static List<Entry> read(ConfigNode node) {
        if (node == null) {
            return List.of();
        }
        List<ConfigNode> items = node instanceof ListNode l ? l.items : List.of(node);
        List<Entry> out = new ArrayList<>();
        for (ConfigNode n : items) {
            if (!(n instanceof Scalar s) || s.isNull() || s.token != com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                    || s.text.isBlank()) {
                throw n.error("expected a webhook URL such as slack+https://hooks.slack.com/services/…, got " + n.describe());
            }
            out.add(new Entry(s.text.trim(), n.file + ":" + n.line));
        }
        return List.copyOf(out);
    }
}
