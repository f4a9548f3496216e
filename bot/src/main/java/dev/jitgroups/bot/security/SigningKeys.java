package dev.jitgroups.bot.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys an issuer signs its tokens with, found through its OpenID metadata and fetched when first needed (so the
 * application starts while Microsoft is unreachable). Keys are cached for a day; an unknown key id refreshes them at
 * most every 30 seconds, so tokens with made-up key ids cost no more than that. The Bot Framework marks each key
 * with the channels it may sign for ({@code endorsements}); with a channel given, only keys endorsing it are used.
 */
final class SigningKeys implements JWKSource<SecurityContext> {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int SIZE_LIMIT = 512 * 1024;
    private static final Duration METADATA_RETRY = Duration.ofSeconds(10);

    private final URL metadata;
    private final String endorsement;
    private final ResourceRetriever http;
    private volatile JWKSource<SecurityContext> keys;
    private long failedAtNanos;
    private boolean failed;

    /**
     * @param endorsement the channel id keys must endorse ({@code msteams}), or null for issuers without endorsements
     */
    SigningKeys(String metadataUrl, String endorsement) {
        this.metadata = url(metadataUrl);
        this.endorsement = endorsement;
        this.http = new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return source().get(selector, context);
    }

    private JWKSource<SecurityContext> source() throws KeySourceException {
        JWKSource<SecurityContext> known = keys;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (keys != null) {
                return keys;
            }
            if (failed && System.nanoTime() - failedAtNanos < METADATA_RETRY.toNanos()) {
                throw new KeySourceException("the OpenID metadata " + metadata + " was unreachable moments ago");
            }
            try {
                Map<String, Object> json = JSONObjectUtils.parse(http.retrieveResource(metadata).getContent());
                URL jwks = url(JSONObjectUtils.getString(json, "jwks_uri"));
                ResourceRetriever retriever = endorsement == null ? http : this::endorsedOnly;
                keys = JWKSourceBuilder.<SecurityContext>create(jwks, retriever)
                        .cache(Duration.ofDays(1).toMillis(), Duration.ofSeconds(15).toMillis())
                        .rateLimited(Duration.ofSeconds(30).toMillis()).build();
                failed = false;
                return keys;
            } catch (IOException | ParseException | IllegalArgumentException e) {
                failed = true;
                failedAtNanos = System.nanoTime();
                throw new KeySourceException("the OpenID metadata " + metadata + " could not be read: "
                        + e.getClass().getSimpleName(), e);
            }
        }
    }

    /** The key set without the keys that do not endorse the channel. */
    private Resource endorsedOnly(URL url) throws IOException {
        Resource fetched = http.retrieveResource(url);
        try {
            Map<String, Object> set = JSONObjectUtils.parse(fetched.getContent());
            List<Object> kept = new ArrayList<>();
            List<Object> all = JSONObjectUtils.getJSONArray(set, "keys");
            for (Object key : all == null ? List.of() : all) {
                if (key instanceof Map<?, ?> k && k.get("endorsements") instanceof List<?> e && e.contains(endorsement)) {
                    kept.add(key);
                }
            }
            Map<String, Object> filtered = new LinkedHashMap<>(set);
            filtered.put("keys", kept);
            return new Resource(JSONObjectUtils.toJSONString(filtered), fetched.getContentType());
        } catch (ParseException e) {
            throw new IOException("the key set at " + url + " is not JSON", e);
        }
    }

    private static URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL", e);
        }
    }
}
