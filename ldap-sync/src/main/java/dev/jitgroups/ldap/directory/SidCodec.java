package dev.jitgroups.ldap.directory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.regex.Pattern;

/**
 * Converts Windows security identifiers between the text form ({@code S-1-5-21-...}) and the binary form AD
 * stores in {@code objectSid}: revision byte, sub-authority count, 48-bit big-endian identifier authority,
 * then 32-bit little-endian sub-authorities. (UnboundID has no AD SID helper in every version.)
 */
public final class SidCodec {

    private static final Pattern TEXT = Pattern.compile("S-1-\\d{1,15}(-\\d{1,10}){1,15}");
    private static final int MAX_SUB_AUTHORITIES = 15;

    private SidCodec() {
    }

    /** True when {@code text} is a well-formed SID in text form. */
    public static boolean isSid(String text) {
        return text != null && TEXT.matcher(text).matches();
    }

    /** Binary form of a SID in text form; IllegalArgumentException when it is not one. */
    public static byte[] encode(String text) {
        if (!isSid(text)) {
            throw new IllegalArgumentException("not a SID (expected S-1-<authority>-<sub-authority>...): " + text);
        }
        String[] parts = text.split("-");
        long authority = Long.parseLong(parts[2]);
        int count = parts.length - 3;
        if (authority >= (1L << 48)) {
            throw new IllegalArgumentException("SID identifier authority out of range: " + text);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * count);
        buffer.put((byte) 1).put((byte) count);
        for (int shift = 40; shift >= 0; shift -= 8) {
            buffer.put((byte) (authority >>> shift));
        }
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 3; i < parts.length; i++) {
            long sub = Long.parseLong(parts[i]);
            if (sub > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("SID sub-authority out of range: " + text);
            }
            buffer.putInt((int) sub);
        }
        return buffer.array();
    }

    /** Text form of a binary SID; IllegalArgumentException when the bytes are not a SID. */
    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length < 8 || bytes[0] != 1) {
            throw new IllegalArgumentException("not a binary SID");
        }
        int count = bytes[1] & 0xFF;
        if (count > MAX_SUB_AUTHORITIES || bytes.length != 8 + 4 * count) {
            throw new IllegalArgumentException("binary SID has a wrong length for " + count + " sub-authorities");
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (bytes[i] & 0xFF);
        }
        StringBuilder text = new StringBuilder("S-1-").append(authority);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 8, 4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            text.append('-').append(Integer.toUnsignedLong(buffer.getInt()));
        }
        return text.toString();
    }
}
