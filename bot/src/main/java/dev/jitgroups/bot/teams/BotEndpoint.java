package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import dev.jitgroups.bot.security.BotSettings;
import dev.jitgroups.bot.security.ChannelTokens;
import dev.jitgroups.bot.security.Refusals;
import dev.jitgroups.bot.security.ServiceUrls;
import dev.jitgroups.bot.security.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: the Bot Connector delivers activities here. By the time a request arrives its token is
 * verified (or, in local mode, it comes from this machine). Cheap refusals come first: the size limit before the
 * body is read, then the body is parsed, bound to the token's {@code serviceurl} claim, and its service URL checked
 * against the allow-list before the bot (and any call to the Bot Connector) sees it.
 */
@RestController
class BotEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(BotEndpoint.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final TeamsAdapter adapter;
    private final TeamsBot bot;
    private final BotSettings settings;
    private final ServiceUrls serviceUrls;

    BotEndpoint(TeamsAdapter adapter, TeamsBot bot, BotSettings settings, ServiceUrls serviceUrls) {
        this.adapter = adapter;
        this.bot = bot;
        this.settings = settings;
        this.serviceUrls = serviceUrls;
    }

    @PostMapping("/api/messages")
    ResponseEntity<String> messages(HttpServletRequest request, @AuthenticationPrincipal VerifiedCaller caller)
            throws IOException {
        if (!settings.localMode() && caller == null) {
            return refuse(request, "no verified caller");
        }
        if (!isJson(request.getContentType())) {
            return plain(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Expected a Bot Framework activity as application/json.");
        }
        long max = settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            return tooLarge(max);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (body.length > max) {
            return tooLarge(max);
        }
        if (body.length == 0) {
            return plain(HttpStatus.BAD_REQUEST, "Expected a Bot Framework activity as JSON.");
        }
        Activity activity;
        try {
            activity = Json.MAPPER.readValue(body, Activity.class);
        } catch (IOException e) {
            return plain(HttpStatus.BAD_REQUEST, "The body is not a valid Bot Framework activity.");
        }
        if (activity == null || activity.getType() == null) {
            return plain(HttpStatus.BAD_REQUEST, "The activity has no type.");
        }
        if (activity.getServiceUrl() == null || activity.getServiceUrl().isBlank() || activity.getConversation() == null
                || activity.getConversation().getId() == null) {
            return plain(HttpStatus.BAD_REQUEST, "The activity needs a serviceUrl and a conversation.");
        }
        String untrusted = trustProblem(activity, caller);
        if (untrusted != null) {
            return refuse(request, untrusted);
        }
        return process(activity, identity(caller));
    }

    /**
     * Probes and browsers that GET or HEAD the endpoint: answered quietly (405, POST only) instead of Spring's
     * warning for an unsupported method.
     */
    @RequestMapping(path = "/api/messages", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<String> notHere() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                .contentType(MediaType.TEXT_PLAIN).body("The Bot Framework posts activities here.");
    }

    /** Why this activity may not be acted on although its token is valid, or null. */
    private String trustProblem(Activity activity, VerifiedCaller caller) {
        if (caller != null && caller.fromChannel()) {
            if (!activity.getServiceUrl().equals(caller.serviceUrl())) {
                return "token service URL not bound to the token";
            }
            if (!ChannelTokens.TEAMS.equals(activity.getChannelId())) {
                return "token channel not endorsed";
            }
        }
        if (!serviceUrls.allows(activity.getServiceUrl())) {
            return "service URL not allowed (jit.bot.service-url-hosts)";
        }
        if (!settings.allowsTenant(TeamsBot.tenantOf(activity))) {
            return "tenant not in jit.bot.allowed-tenants";
        }
        return null;
    }

    private ResponseEntity<String> process(Activity activity, ClaimsIdentity identity) {
        try {
            InvokeResponse response = adapter.processActivity(identity, activity, bot::onTurn).get(TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
            if (response == null) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).build();
            }
            String json = response.getBody() == null ? null : Json.MAPPER.writeValueAsString(response.getBody());
            return json == null ? ResponseEntity.status(response.getStatus()).build()
                    : ResponseEntity.status(response.getStatus()).contentType(MediaType.APPLICATION_JSON).body(json);
        } catch (ExecutionException | RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("failed to process a {} activity (reference {})", activity.getType(), reference, e);
            return plain(HttpStatus.INTERNAL_SERVER_ERROR, "JIT Groups could not process this activity (reference "
                    + reference + ").");
        } catch (TimeoutException e) {
            LOG.error("processing a {} activity took longer than {}s", activity.getType(), TIMEOUT_SECONDS);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        } catch (JsonProcessingException e) {
            LOG.error("could not write the invoke response", e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
        }
    }

    /** The identity the SDK acts under: the channel, another (allowed) bot, or anonymous in local mode. */
    private static ClaimsIdentity identity(VerifiedCaller caller) {
        if (caller == null) {
            return new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE);
        }
        Map<String, String> claims = new HashMap<>();
        claims.put(AuthenticationConstants.AUDIENCE_CLAIM, caller.appId());
        claims.put("iss", caller.issuer());
        if (!caller.fromChannel()) {
            // the SDK answers another bot with a token for that bot (scope <caller>/.default)
            claims.put(AuthenticationConstants.APPID_CLAIM, caller.callerAppId());
            claims.put(AuthenticationConstants.VERSION_CLAIM, "1.0");
        }
        return new ClaimsIdentity(caller.issuer(), claims);
    }

    private ResponseEntity<String> refuse(HttpServletRequest request, String reason) {
        Refusals.log(request, reason);
        if (settings.localMode()) {
            return plain(HttpStatus.FORBIDDEN, "Local mode answers only activities whose serviceUrl is on this "
                    + "machine.");
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(
                    contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static ResponseEntity<String> tooLarge(long max) {
        return plain(HttpStatus.CONTENT_TOO_LARGE, "An activity may have at most " + max / 1024 + " KB.");
    }

    private static ResponseEntity<String> plain(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
    }
}
