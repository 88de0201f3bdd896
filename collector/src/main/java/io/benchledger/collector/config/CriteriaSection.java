package io.benchledger.collector.config;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetSyntax;
import io.benchledger.archive.analysis.budget.YamlNode;
import io.benchledger.archive.analysis.recommend.AdviceRules;
import io.benchledger.collector.config.ConfigNode.ListNode;
import io.benchledger.collector.config.ConfigNode.MapNode;
import io.benchledger.collector.config.ConfigNode.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suite's {@code criteria} and {@code recommendations} sections, read by the same parsers as
 * {@code check --budgets} and {@code recommend} (one syntax everywhere): this class only hands the
 * configuration's located tree over.
 */
final class CriteriaSection {
    private CriteriaSection() {
    }

    static List<Budget> criteria(ConfigNode node) {
        return node == null ? List.of() : BudgetSyntax.budgets(located(node));
    }

    static AdviceRules recommendations(ConfigNode node) {
        return node == null ? AdviceRules.defaults() : AdviceRules.parse(located(node));
    }

    /** The same tree as {@link YamlNode}, with file, line and column. */
    static YamlNode located(ConfigNode n) {
        YamlNode.Where at = new YamlNode.Where(n.file, n.line, n.column);
        if (n instanceof MapNode m) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, YamlNode.Where> keys = new LinkedHashMap<>();
            m.entries.forEach((k, v) -> {
                entries.put(k, located(v));
                keys.put(k, new YamlNode.Where(n.file, m.keyLines.get(k), m.keyColumns.getOrDefault(k, 0)));
            });
            return new YamlNode.MapNode(at, entries, keys);
        }
        if (n instanceof ListNode l) {
            List<YamlNode> items = new ArrayList<>();
            l.items.forEach(i -> items.add(located(i)));
            return new YamlNode.ListNode(at, items);
        }
        Scalar s = (Scalar) n;
        return new YamlNode.Scalar(at, s.text, s.isNumber(), s.isNull());
    }
}
