package io.benchledger.site.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * The order of a benchmark's series: parameter by parameter, numbers by value (64, 1024, 10240,
 * 102400, 1048576, not as text), then mode and threads.
 */
public final class CaseOrder implements Comparator<CaseInfo> {
    public static final CaseOrder INSTANCE = new CaseOrder();

    private CaseOrder() {
    }

    @Override
    public int compare(CaseInfo a, CaseInfo b) {
        Iterator<Map.Entry<String, String>> i = a.params().entrySet().iterator();
        Iterator<Map.Entry<String, String>> j = b.params().entrySet().iterator();
        while (i.hasNext() && j.hasNext()) {
            Map.Entry<String, String> x = i.next();
            Map.Entry<String, String> y = j.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = value(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        if (i.hasNext() != j.hasNext()) {
            return i.hasNext() ? 1 : -1;
        }
        int c = a.mode().compareTo(b.mode());
        if (c == 0) {
            c = Integer.compare(a.threads(), b.threads());
        }
        return c != 0 ? c : a.caseKey().compareTo(b.caseKey());
    }

    /** Numbers by value before text; text as text. */
    static int value(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            int c = x.compareTo(y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
