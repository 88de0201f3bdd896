package io.benchledger.archive.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;

/** The repeat-aware writer is a shortcut, not a format: it must give parquet-java's bytes exactly. */
class RepeatAwareValuesWriterFactoryTest {
    private static final ColumnDescriptor CASE_KEY = ArchiveTables.SAMPLES.messageType().getColumns().get(1);

    @Test
    void writesTheBytesOfTheDefaultWriter() throws Exception {
        ParquetProperties ours = ParquetProperties.builder().withDictionaryEncoding(true)
                .withValuesWriterFactory(new RepeatAwareValuesWriterFactory()).build();
        ParquetProperties theirs = ParquetProperties.builder().withDictionaryEncoding(true).build();
        ValuesWriter a = ours.newValuesWriter(CASE_KEY);
        ValuesWriter b = theirs.newValuesWriter(CASE_KEY);

        SplittableRandom random = new SplittableRandom(3);
        byte[] reused = new byte[8];
        Binary reusedBinary = Binary.fromReusedByteArray(reused);
        Binary repeated = Binary.fromConstantByteArray("case-0".getBytes(StandardCharsets.UTF_8));
        for (int page = 0; page < 6; page++) {
            for (int i = 0; i < 5_000; i++) {
                Binary v = switch (random.nextInt(4)) {
                    // the same instance again: the shortcut
                    case 0 -> repeated;
                    // a new instance, sometimes equal to the last: no shortcut
                    case 1 -> repeated = Binary.fromConstantByteArray(("case-" + random.nextInt(50)).getBytes(StandardCharsets.UTF_8));
                    // one instance whose bytes change under it: must never take the shortcut
                    case 2 -> {
                        System.arraycopy(("r-" + random.nextInt(1_000, 10_000) + "xx").getBytes(StandardCharsets.UTF_8), 0, reused, 0, 8);
                        yield reusedBinary;
                    }
                    default -> Binary.fromString("s-" + random.nextInt(30));
                };
                a.writeBytes(v);
                b.writeBytes(v);
            }
            assertThat(a.getEncoding()).isEqualTo(b.getEncoding());
            assertThat(a.getBytes().toByteArray()).isEqualTo(b.getBytes().toByteArray());
            a.reset();
            b.reset();
            if (page % 2 == 1) {
                // a row group ends: the dictionary page is written and the dictionary starts anew
                DictionaryPage da = a.toDictPageAndClose();
                DictionaryPage db = b.toDictPageAndClose();
                assertThat(da.getDictionarySize()).isEqualTo(db.getDictionarySize());
                assertThat(da.getBytes().toByteArray()).isEqualTo(db.getBytes().toByteArray());
                a.resetDictionary();
                b.resetDictionary();
            }
        }
    }
}
