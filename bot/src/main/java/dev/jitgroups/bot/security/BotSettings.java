package dev.jitgroups.bot.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bot's identity and front door ({@code jit.bot.*}; application.yml maps Azure's usual names
 * {@code MicrosoftAppId}, {@code MicrosoftAppPassword}, {@code MicrosoftAppType} and {@code MicrosoftAppTenantId}
 * onto the first four). An empty app id is local mode: no Teams, loopback only.
 *
 * @param appType how the registration authenticates: single-tenant (default), user-assigned managed identity, or
 *        legacy multi-tenant
 * @param appTenantId the registration's home tenant (single-tenant); defaults to the only allowed tenant
 * @param certificateFile a PEM file (private key and certificate) or PKCS#12 file, instead of a client secret
 * @param allowedTenants Entra tenant ids the bot serves; at least one when an app id is set
 * @param allowedCallers app ids of other bots whose Entra tokens are accepted (bot-to-bot); empty refuses them all
 * @param cloud which Azure cloud's Bot Framework endpoints apply; the next five keys override single endpoints
 * @param serviceUrlHosts hosts of the Bot Connector the bot may send its token to
 * @param maxBodySize largest activity accepted on /api/messages (Teams activities are a few kilobytes)
 * @param allowRealDirectoryInLocalMode lets local mode (no authentication) run against a real directory
 */
@ConfigurationProperties("jit.bot")
public record BotSettings(String appId, @DefaultValue("single-tenant") AppType appType, String appTenantId,
        String appPassword, String certificateFile, String certificatePassword, List<String> allowedTenants,
        List<String> allowedCallers, @DefaultValue("public") BotCloud cloud, String openIdMetadata,
        String channelIssuer, String loginAuthority, List<String> serviceUrlHosts, String entraOpenIdMetadata,
        @DefaultValue("256KB") DataSize maxBodySize, boolean allowRealDirectoryInLocalMode) {

    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public BotSettings {
        appId = strip(appId);
        appTenantId = strip(appTenantId).toLowerCase(Locale.ROOT);
        allowedTenants = lowerCase(allowedTenants);
        allowedCallers = lowerCase(allowedCallers);
        cloud = cloud == null ? BotCloud.PUBLIC : cloud;
        appType = appType == null ? AppType.SINGLE_TENANT : appType;
        openIdMetadata = orDefault(openIdMetadata, cloud.openIdMetadata());
        channelIssuer = orDefault(channelIssuer, cloud.channelIssuer());
        loginAuthority = orDefault(loginAuthority, cloud.loginAuthority()).replaceAll("/+$", "") + "/";
        entraOpenIdMetadata = orDefault(entraOpenIdMetadata, cloud.entraOpenIdMetadata());
        serviceUrlHosts = serviceUrlHosts == null || serviceUrlHosts.isEmpty() ? cloud.serviceUrlHosts()
                : lowerCase(serviceUrlHosts);
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
    }

    /** No app id: the Agents Playground on this machine, without any authentication. */
    public boolean localMode() {
        return appId.isEmpty();
    }

    /** True for a tenant the bot serves; in local mode every tenant (nothing is authenticated anyway). */
    public boolean allowsTenant(String tenantId) {
        return localMode() || tenantId != null && allowedTenants.contains(tenantId.strip().toLowerCase(Locale.ROOT));
    }

    /** The tenant whose authority issues the bot's tokens (single-tenant apps). */
    public String homeTenant() {
        if (!appTenantId.isEmpty()) {
            return appTenantId;
        }
        return allowedTenants.size() == 1 ? allowedTenants.get(0) : "";
    }

    /** The token authority for the bot's own Bot Connector tokens. */
    String authority() {
        return loginAuthority + (appType == AppType.MULTI_TENANT ? "botframework.com" : homeTenant()) + "/";
    }

    /** The app registration the bot's own tokens come from (single- or multi-tenant, secret or certificate). */
    AppCredential appCredential() {
        return new AppCredential("jit.bot", "MicrosoftAppId, MicrosoftAppTenantId and the client secret or certificate",
                authority(), appId, appPassword(), certificateFile(), certificatePassword);
    }

    /** The scope the bot asks for when it calls the Bot Connector. */
    public String connectorScope() {
        return cloud.connectorScope();
    }

    /** Problems with these settings, each naming its key; empty when the bot can start. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String t : allowedTenants) {
            if (!TENANT_ID.matcher(t).matches()) {
                problems.add("jit.bot.allowed-tenants: '" + t + "' is not a tenant id; expected a GUID such as "
                        + "72f988bf-86f1-41af-91ab-2d7cd011db47 (Entra admin center, Overview, Tenant ID)");
            }
        }
        if (localMode()) {
            return problems;
        }
        if (allowedTenants.isEmpty()) {
            problems.add("jit.bot.allowed-tenants: must name at least one Entra tenant id when MicrosoftAppId is set; "
                    + "the bot then ignores every other organisation");
        }
        switch (appType) {
            case SINGLE_TENANT -> {
                if (homeTenant().isEmpty()) {
                    problems.add("MicrosoftAppTenantId (jit.bot.app-tenant-id): is missing; a single-tenant bot gets "
                            + "its tokens from its own tenant (Azure Bot, Configuration, App Tenant ID)");
                } else if (!TENANT_ID.matcher(homeTenant()).matches()) {
                    problems.add("MicrosoftAppTenantId (jit.bot.app-tenant-id): '" + homeTenant()
                            + "' is not a tenant id (a GUID)");
                }
                requireSecretOrCertificate(problems);
            }
            case MULTI_TENANT -> requireSecretOrCertificate(problems);
            case USER_ASSIGNED_MSI -> {
                if (!appPassword().isEmpty() || !certificateFile().isEmpty()) {
                    problems.add("MicrosoftAppPassword / jit.bot.certificate-file: a managed identity has no secret "
                            + "or certificate; remove them (or set MicrosoftAppType=SingleTenant)");
                }
            }
            default -> throw new IllegalStateException(appType.name());
        }
        return problems;
    }

    private void requireSecretOrCertificate(List<String> problems) {
        boolean secret = !appPassword().isEmpty();
        boolean certificate = !certificateFile().isEmpty();
        if (!secret && !certificate) {
            problems.add("MicrosoftAppPassword (jit.bot.app-password): is missing; give the app registration's client "
                    + "secret (from the environment, never application.yml) or jit.bot.certificate-file");
        } else if (secret && certificate) {
            problems.add("jit.bot.certificate-file: set either it or MicrosoftAppPassword, not both");
        } else if (certificate && !Files.isReadable(Path.of(certificateFile()))) {
            problems.add("jit.bot.certificate-file: " + certificateFile() + " cannot be read");
        }
    }

    @Override
    public String appPassword() {
        return appPassword == null ? "" : appPassword;
    }

    @Override
    public String certificateFile() {
        return certificateFile == null ? "" : certificateFile.strip();
    }

    @Override
    public String toString() {
        return "BotSettings[appId=" + appId + ", appType=" + appType + ", appTenantId=" + appTenantId
                + ", appPassword=" + (appPassword().isEmpty() ? "(none)" : "(set)") + ", certificateFile="
                + certificateFile() + ", allowedTenants=" + allowedTenants + ", allowedCallers=" + allowedCallers
                + ", cloud=" + cloud + ", serviceUrlHosts=" + serviceUrlHosts + "]";
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static List<String> lowerCase(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
