package dev.jitgroups.core.siem;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code sha256=} and the hex HMAC-SHA256, keyed with the sink's secret, of the
 * timestamp header's value, a dot, and the exact body. Signing the timestamp with the body means a captured request
 * cannot be replayed later under a fresh timestamp; the receiver refuses old timestamps (docs/siem.md).
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-JitGroups-Signature";
    public static final String TIMESTAMP_HEADER = "X-JitGroups-Timestamp";
    public static final String DELIVERY_HEADER = "X-JitGroups-Delivery";

    private WebhookSignature() {
    }

    public static String sign(Secret secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
