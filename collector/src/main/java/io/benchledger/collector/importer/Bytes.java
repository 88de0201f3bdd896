package io.benchledger.collector.importer;

import io.benchledger.archive.BadInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Small checks on raw source bytes. */
public final class Bytes {
    private Bytes() {
    }

    public static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(b[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** A NUL byte in the head of a file: binary data, not a harness's text or JSON. */
    public static boolean looksBinary(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first byte that is not white space (or a UTF-8 byte order mark). */
    public static int firstContent(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < b.length && isSpace(b[i])) {
            i++;
        }
        return i;
    }

    /** Strict UTF-8 decoding: malformed bytes are bad input naming the line they are on. */
    public static String utf8(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int bad = firstMalformed(bytes);
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new BadInputException(file + ": line " + line + ": not UTF-8 text");
        }
    }

    private static int firstMalformed(byte[] bytes) {
        for (int len = 1; len <= bytes.length; len = Math.min(bytes.length, len * 2)) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, len));
            } catch (CharacterCodingException e) {
                // narrow down by bisection between len/2 and len
                int lo = len / 2;
                int hi = len;
                while (hi - lo > 1) {
                    int mid = (lo + hi) / 2;
                    try {
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(bytes, 0, mid));
                        lo = mid;
                    } catch (CharacterCodingException inner) {
                        hi = mid;
                    }
                }
                return lo;
            }
            if (len == bytes.length) {
                break;
            }
        }
        return bytes.length;
    }

    /** The 1-based line on which JSON nesting (outside strings) first reaches {@code depth}; 0 if never. */
    public static int lineOfDepth(byte[] b, int from, int to, int depth) {
        int line = 1;
        int d = 0;
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '\n') {
                line++;
            } else if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++d >= depth) {
                    return line;
                }
            } else if (c == ']' || c == '}') {
                d--;
            }
        }
        return 0;
    }
}
