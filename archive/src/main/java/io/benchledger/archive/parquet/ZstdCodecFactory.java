package io.benchledger.archive.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * ZSTD (and uncompressed) pages through zstd-jni. parquet-java's own codec factory loads Hadoop
 * classes even for UNCOMPRESSED, and Hadoop must stay off the runtime class path.
 */
public final class ZstdCodecFactory implements CompressionCodecFactory {
    /** Level 3 is zstd's default: most of the ratio of higher levels at a fraction of the CPU. */
    private static final int LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.ZSTD;
                }

                @Override
                public void release() {
                }
            };
            case UNCOMPRESSED -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.UNCOMPRESSED;
                }

                @Override
                public void release() {
                }
            };
            default -> throw new IllegalArgumentException("unsupported Parquet codec " + codec + " (ZSTD or UNCOMPRESSED)");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                    byte[] out = Zstd.decompress(bytes.toByteArray(), uncompressedSize);
                    if (out.length != uncompressedSize) {
                        throw new IOException("corrupt ZSTD page: " + out.length + " bytes, expected " + uncompressedSize);
                    }
                    return BytesInput.from(out);
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                        throws IOException {
                    byte[] in = new byte[compressedSize];
                    input.get(in);
                    output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
                }

                @Override
                public void release() {
                }
            };
            case UNCOMPRESSED -> new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                    return bytes;
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                    ByteBuffer slice = input.slice();
                    slice.limit(compressedSize);
                    output.put(slice);
                }

                @Override
                public void release() {
                }
            };
            default -> throw new IllegalArgumentException("unsupported Parquet codec " + codec + " (ZSTD or UNCOMPRESSED)");
        };
    }

    @Override
    public void release() {
    }
}
