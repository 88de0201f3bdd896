package io.benchledger.archive.analysis.compare;

import java.util.Comparator;

/**
 * Orders version strings the way people read them: split at '.', '-', '+' and '_', compare
 * numeric parts as numbers and other parts as text ({@code 1.10.0 > 1.9.2}); a version with extra
 * parts after equal ones is higher ({@code 1.4.0.1 > 1.4.0}), except a pre-release text part
 * ({@code 1.4.0-rc1 < 1.4.0}).
 */
public final class VersionOrder implements Comparator<String> {
    public static final VersionOrder INSTANCE = new VersionOrder();

    @Override
    public int compare(String a, String b) {
        String[] x = a.split("[.\\-+_]");
        String[] y = b.split("[.\\-+_]");
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c = part(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        if (x.length == y.length) {
            return a.compareTo(b);
        }
        // the longer one is higher unless its next part is text (a pre-release tag)
        String[] longer = x.length > y.length ? x : y;
        int sign = x.length > y.length ? 1 : -1;
        return isNumber(longer[n]) ? sign : -sign;
    }

    private static int part(String p, String q) {
        boolean pn = isNumber(p);
        boolean qn = isNumber(q);
        if (pn && qn) {
            String ps = p.replaceFirst("^0+(?=.)", "");
            String qs = q.replaceFirst("^0+(?=.)", "");
            return ps.length() != qs.length() ? Integer.compare(ps.length(), qs.length()) : ps.compareTo(qs);
        }
        if (pn != qn) {
            return pn ? 1 : -1; // a number outranks a text tag at the same place (1.4.1 > 1.4.rc)
        }
        return p.compareTo(q);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
