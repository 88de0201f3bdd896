package io.benchledger.archive.format;

import java.util.ArrayList;
import java.util.List;

/** A result grid: column names and rows of plain values (String, numbers, booleans, lists, maps, null). */
public record Table(List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    public int size() {
        return rows.size();
    }
}
