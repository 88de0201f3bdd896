package io.benchledger.archive.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesWhatNeedsItAndDefusesFormulas() {
        StringBuilder sb = new StringBuilder();
        Csv.row(sb, List.of("=HYPERLINK(\"x\")", "-0.25", "a,b", "@cmd", "+1e3", "-XX:+UseG1GC", "plain"));
        assertThat(sb.toString()).isEqualTo(
                "\"'=HYPERLINK(\"\"x\"\")\",-0.25,\"a,b\",'@cmd,+1e3,'-XX:+UseG1GC,plain\r\n");
    }
}
