package io.benchledger.archive.parquet;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * parquet-java's default value writers, except that a dictionary-encoded text column remembers its
 * last value. A run's sample rows repeat the run id, case key and metric thousands of times in a
 * row; the default writer hashes and compares every one of them to look up its dictionary id.
 * The files are the same, byte for byte.
 */
final class RepeatAwareValuesWriterFactory implements ValuesWriterFactory {
    private final DefaultValuesWriterFactory defaults = new DefaultValuesWriterFactory();
    private ParquetProperties props;

    @Override
    public void initialize(ParquetProperties properties) {
        if (properties.getWriterVersion() != ParquetProperties.WriterVersion.PARQUET_1_0) {
            // the v2 writers use other encodings; this factory reproduces v1's
            throw new IllegalArgumentException("only Parquet writer version 1 is supported");
        }
        this.props = properties;
        defaults.initialize(properties);
    }

    @Override
    public ValuesWriter newValuesWriter(ColumnDescriptor column) {
        if (column.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY
                || !props.isDictionaryEnabled(column)) {
            return defaults.newValuesWriter(column);
        }
        // as DefaultV1ValuesWriterFactory: a PLAIN_DICTIONARY writer falling back to PLAIN
        return FallbackValuesWriter.of(
                new RepeatAwareDictionaryWriter(props.getDictionaryPageSizeThreshold(), props.getAllocator()),
                new PlainValuesWriter(props.getInitialSlabSize(), props.getPageSizeThreshold(), props.getAllocator()));
    }

    private static final class RepeatAwareDictionaryWriter extends PlainBinaryDictionaryValuesWriter {
        private Binary last;
        private int lastId;

        RepeatAwareDictionaryWriter(int maxDictionaryByteSize, ByteBufferAllocator allocator) {
            super(maxDictionaryByteSize, Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, allocator);
        }

        @Override
        public void writeBytes(Binary v) {
            // the same instance with bytes nobody reuses is the same value: its id is known
            if (v == last) {
                encodedValues.add(lastId);
                return;
            }
            super.writeBytes(v);
            if (!v.isBackingBytesReused()) {
                last = v;
                lastId = binaryDictionaryContent.getInt(v);
            }
        }

        @Override
        protected void clearDictionaryContent() {
            super.clearDictionaryContent();
            last = null;
        }
    }
}
