package dev.jitgroups.bot.security;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tokens of an app registration (single-tenant, or legacy multi-tenant) from Microsoft Entra ID through MSAL, with a
 * client secret or a certificate. MSAL caches each token and renews it before it expires.
 */
final class AppRegistrationTokens implements BotTokens {

    private static final long TIMEOUT_SECONDS = 20;

    private final ConfidentialClientApplication app;
    private final String authority;

    AppRegistrationTokens(BotSettings settings) {
        this.authority = settings.authority();
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(settings.appId(), credential(settings)).authority(authority).sendX5c(true);
            if (!authority.startsWith(BotCloud.PUBLIC.loginAuthority())
                    && !authority.startsWith(BotCloud.US_GOV.loginAuthority())) {
                // a private or test authority: MSAL's instance discovery only knows Microsoft's own hosts
                builder.instanceDiscovery(false);
            }
            this.app = builder.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("jit.bot.login-authority: " + authority + " is not a usable token authority ("
                    + e.getMessage() + ")", e);
        }
    }

    private static IClientCredential credential(BotSettings settings) {
        if (settings.certificateFile().isEmpty()) {
            return ClientCredentialFactory.createFromSecret(settings.appPassword());
        }
        Path file = Path.of(settings.certificateFile());
        try {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".pem") || name.endsWith(".crt")) {
                PemCertificate pem = PemCertificate.read(file);
                return ClientCredentialFactory.createFromCertificateChain(pem.key(), pem.chain());
            }
            try (InputStream in = Files.newInputStream(file)) {
                String password = settings.certificatePassword() == null ? "" : settings.certificatePassword();
                return ClientCredentialFactory.createFromCertificate(in, password);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("jit.bot.certificate-file: " + file + " could not be read as a PKCS#12 "
                    + "(.pfx/.p12, with jit.bot.certificate-password) or PEM (.pem: PKCS#8 private key and "
                    + "certificate) file: " + e.getMessage(), e);
        }
    }

    @Override
    public String token(String resource) {
        String scope = resource.endsWith("/.default") ? resource : resource.replaceAll("/+$", "") + "/.default";
        try {
            return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).accessToken();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof MsalException msal ? msal.errorCode() : cause.getClass().getSimpleName();
            throw new BotTokenException("the token authority " + authority + " gave the bot no token (" + why
                    + "); check MicrosoftAppId, MicrosoftAppTenantId and the client secret or certificate", cause);
        } catch (TimeoutException e) {
            throw new BotTokenException("the token authority " + authority + " did not answer in " + TIMEOUT_SECONDS
                    + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotTokenException("interrupted while asking for a token", e);
        }
    }
}
