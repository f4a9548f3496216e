package dev.jitgroups.ldap.directory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts AD's binary {@code objectGUID} to and from the text form Windows tools show
 * ({@code Get-ADGroup ... | Select ObjectGUID}): the first three fields are stored little-endian, the rest as is.
 */
public final class GuidCodec {

    private GuidCodec() {
    }

    /** Text form of a binary objectGUID; IllegalArgumentException unless it is 16 bytes. */
    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            throw new IllegalArgumentException("an objectGUID has 16 bytes");
        }
        ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long high = (Integer.toUnsignedLong(little.getInt(0)) << 32) | ((long) Short.toUnsignedInt(little.getShort(4)) << 16)
                | Short.toUnsignedInt(little.getShort(6));
        long low = ByteBuffer.wrap(bytes, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(high, low).toString();
    }

    /** Binary objectGUID of its text form; IllegalArgumentException when the text is not a GUID. */
    public static byte[] encode(String text) {
        UUID uuid = UUID.fromString(text.strip().toLowerCase(Locale.ROOT));
        long high = uuid.getMostSignificantBits();
        ByteBuffer out = ByteBuffer.allocate(16);
        out.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (high >>> 32)).putShort((short) (high >>> 16)).putShort((short) high);
        out.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return out.array();
    }
}
