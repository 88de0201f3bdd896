package io.benchledger.archive.analysis.compare;

import java.util.List;

/** Builds a {@link SideResolver} over given run rows, to test the rules without an archive. */
final class SideResolverProbe {
    SideResolver resolver(List<SideResolver.RunRow> newestLast) {
        List<SideResolver.RunRow> newestFirst = new java.util.ArrayList<>(newestLast);
        java.util.Collections.reverse(newestFirst);
        return SideResolver.forRows("p", newestFirst);
    }
}
