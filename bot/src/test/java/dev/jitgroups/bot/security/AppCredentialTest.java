package dev.jitgroups.bot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential the bot calls Microsoft Graph with, in the shape the Graph SDK asks for it (Azure Core's
 * TokenCredential), against the local HTTPS stand-in for Entra ID's token endpoint: a certificate (PKCS#12 or PEM)
 * proves the app with a client assertion signed by its key, a secret is sent as such, and neither appears in
 * {@code toString()}. A refused secret is a configuration fault; an authority that does not answer is worth retrying.
 */
class AppCredentialTest {

    static final String TENANT = "72f988bf-0000-0000-0000-000000000002";
    static final String GRAPH_APP = "44444444-0000-0000-0000-000000000004";
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    static final FakeTokenAuthority AUTHORITY = FakeTokenAuthority.get();

    @Test
    void a_pkcs12_certificate_proves_the_graph_app_with_an_assertion_signed_by_its_key(@TempDir Path dir)
            throws Exception {
        Path p12 = FakeTokenAuthority.newClientCertificate(dir);

        FakeTokenAuthority.TokenRequest asked = tokenRequestOf(credential(null, p12, FakeTokenAuthority.PASSWORD));

        assertSignedBy(asked, certificate(p12));
    }

    @Test
    void a_pem_certificate_proves_the_graph_app_the_same_way(@TempDir Path dir) throws Exception {
        Path p12 = FakeTokenAuthority.newClientCertificate(dir);
        Path pem = dir.resolve("graph.pem");
        Files.writeString(pem, pem("PRIVATE KEY", key(p12).getEncoded()) + pem("CERTIFICATE",
                certificate(p12).getEncoded()), StandardCharsets.US_ASCII);

        FakeTokenAuthority.TokenRequest asked = tokenRequestOf(credential(null, pem, null));

        assertSignedBy(asked, certificate(p12));
    }

    @Test
    void a_secret_is_sent_as_the_client_secret_and_never_shown() {
        AppCredential app = credential("graph-s3cret", null, null);

        FakeTokenAuthority.TokenRequest asked = tokenRequestOf(app);

        assertThat(asked.form()).containsEntry("client_secret", "graph-s3cret").containsEntry("client_id", GRAPH_APP);
        assertThat(app.toString()).doesNotContain("graph-s3cret").contains("clientSecret=(set)");
        assertThat(app.tokenCredential().toString()).doesNotContain("graph-s3cret");
    }

    @Test
    void a_refused_secret_is_not_worth_retrying_and_names_the_graph_keys() {
        TokenCredential credential = credential("wrong-secret", null, null).tokenCredential();

        assertThatThrownBy(() -> credential.getTokenSync(graphScope())).isInstanceOfSatisfying(
                BotTokens.BotTokenException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("jit.graph.client-secret").hasMessageNotContaining("wrong-secret");
    }

    @Test
    void an_authority_that_does_not_answer_is_worth_retrying() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        AppCredential app = new AppCredential("jit.graph", "jit.graph.*", "https://127.0.0.1:" + closed + "/" + TENANT
                + "/", GRAPH_APP, "graph-s3cret", null, null);

        assertThatThrownBy(() -> app.tokenCredential().getTokenSync(graphScope())).isInstanceOfSatisfying(
                BotTokens.BotTokenException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void an_unreadable_certificate_fails_at_start_naming_its_key(@TempDir Path dir) throws Exception {
        Path rsa = dir.resolve("old.pem");
        Files.writeString(rsa, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> credential(null, rsa, null).tokenCredential()).hasMessageContaining(
                "jit.graph.certificate-file").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    private static AppCredential credential(String secret, Path certificate, String password) {
        return new AppCredential("jit.graph", "jit.graph.tenant-id, jit.graph.client-id and jit.graph.client-secret "
                + "or jit.graph.certificate-file", AUTHORITY.url() + TENANT + "/", GRAPH_APP, secret,
                certificate == null ? null : certificate.toString(), password);
    }

    private static TokenRequestContext graphScope() {
        return new TokenRequestContext().addScopes(GRAPH_SCOPE);
    }

    private static FakeTokenAuthority.TokenRequest tokenRequestOf(AppCredential app) {
        int before = AUTHORITY.requests().size();
        AccessToken token = app.tokenCredential().getTokenSync(graphScope());
        FakeTokenAuthority.TokenRequest asked = AUTHORITY.requests().get(before);
        assertThat(asked.path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
        assertThat(asked.form().get("scope").split(" ")).contains(GRAPH_SCOPE);
        assertThat(token.getToken()).isEqualTo(asked.token());
        assertThat(token.getExpiresAt()).isAfter(OffsetDateTime.now());
        return asked;
    }

    private static void assertSignedBy(FakeTokenAuthority.TokenRequest asked, X509Certificate certificate)
            throws Exception {
        assertThat(asked.form()).doesNotContainKey("client_secret").containsEntry("client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(asked.form().get("client_assertion"));
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) certificate.getPublicKey()))).isTrue();
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(GRAPH_APP);
        assertThat(assertion.getJWTClaimsSet().getAudience().get(0)).contains(TENANT);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyStore store(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, FakeTokenAuthority.PASSWORD.toCharArray());
        }
        return ks;
    }

    private static X509Certificate certificate(Path p12) throws Exception {
        KeyStore ks = store(p12);
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }

    private static PrivateKey key(Path p12) throws Exception {
        KeyStore ks = store(p12);
        return (PrivateKey) ks.getKey(ks.aliases().nextElement(), FakeTokenAuthority.PASSWORD.toCharArray());
    }
}
