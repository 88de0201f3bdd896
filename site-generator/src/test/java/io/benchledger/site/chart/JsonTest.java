package io.benchledger.site.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void everyCharacterIsEscapedAsJacksonDoes() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
            String one = String.valueOf((char) c);
            assertThat(Json.of(one)).as("U+%04x", c).isEqualTo(Json.jackson(one));
        }
        assertThat(Json.of(all.toString())).isEqualTo(Json.jackson(all.toString()));
        assertThat(Json.of("</script><!-- \u2028 'x' & \"y\" \\ \ud83d\ude00")).doesNotContain("<", ">", "&", "'")
                .isEqualTo(Json.jackson("</script><!-- \u2028 'x' & \"y\" \\ \ud83d\ude00"));
    }

    @Test
    void documentsAreWrittenAsJacksonWritesThem() {
        Random rnd = new Random(11);
        for (int i = 0; i < 2000; i++) {
            Object doc = value(rnd, 0);
            assertThat(Json.of(doc)).isEqualTo(Json.jackson(doc));
        }
    }

    @Test
    void otherTypesGoToJackson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", 1);
        doc.put("set", new TreeSet<>(List.of("x", "y")));
        doc.put("f", 1.5f);
        assertThat(Json.of(doc)).isEqualTo(Json.jackson(doc)).isEqualTo("{\"a\":1,\"set\":[\"x\",\"y\"],\"f\":1.5}");
        StringBuilder sb = new StringBuilder("x=");
        assertThat(Json.append(sb, doc).toString()).isEqualTo("x=" + Json.jackson(doc));
    }

    private static Object value(Random rnd, int depth) {
        int kind = rnd.nextInt(depth > 3 ? 9 : 12);
        return switch (kind) {
            case 0 -> null;
            case 1 -> text(rnd);
            case 2 -> rnd.nextBoolean();
            case 3 -> rnd.nextInt() >> rnd.nextInt(32);
            case 4 -> rnd.nextLong() >> rnd.nextInt(64);
            case 5 -> number(rnd);
            case 6 -> new double[] {number(rnd), number(rnd), number(rnd)};
            case 7 -> new int[] {rnd.nextInt(), -1, 0};
            case 8 -> new RawValue("[1,2.5,null]");
            case 9 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = rnd.nextInt(5); i > 0; i--) {
                    m.put(text(rnd), value(rnd, depth + 1));
                }
                yield m;
            }
            case 10 -> new long[] {rnd.nextLong(), Long.MIN_VALUE};
            default -> {
                List<Object> l = new ArrayList<>();
                for (int i = rnd.nextInt(5); i > 0; i--) {
                    l.add(value(rnd, depth + 1));
                }
                yield l;
            }
        };
    }

    private static double number(Random rnd) {
        return switch (rnd.nextInt(8)) {
            case 0 -> Double.NaN;
            case 1 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> Math.rint(rnd.nextGaussian() * 1e6);
            case 3 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
            case 4 -> 1e15 + rnd.nextInt(10);
            case 5 -> -0.0;
            case 6 -> Double.longBitsToDouble(rnd.nextLong());
            default -> rnd.nextDouble();
        };
    }

    private static String text(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(12); i > 0; i--) {
            sb.append(switch (rnd.nextInt(4)) {
                case 0 -> (char) rnd.nextInt(0x80);
                case 1 -> (char) rnd.nextInt(0x10000);
                case 2 -> "<>&'\"\\\u2028\u2029\u00e9".charAt(rnd.nextInt(9));
                default -> (char) ('a' + rnd.nextInt(26));
            });
        }
        return sb.toString();
    }
}
