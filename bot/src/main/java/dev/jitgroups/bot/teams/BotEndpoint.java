package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: the Bot Connector delivers activities here. The body is read as text and parsed with
 * the SDK's Jackson 2 types; authentication is the SDK's (JWT from the Bot Framework when an app id is set).
 */
@RestController
class BotEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(BotEndpoint.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final TeamsAdapter adapter;
    private final TeamsBot bot;

    BotEndpoint(TeamsAdapter adapter, TeamsBot bot) {
        this.adapter = adapter;
        this.bot = bot;
    }

    @PostMapping("/api/messages")
    ResponseEntity<String> messages(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody(required = false) String body) {
        if (body == null || body.isBlank()) {
            return plain(HttpStatus.BAD_REQUEST, "Expected a Bot Framework activity as JSON.");
        }
        Activity activity;
        try {
            activity = Json.MAPPER.readValue(body, Activity.class);
        } catch (JsonProcessingException e) {
            return plain(HttpStatus.BAD_REQUEST, "The body is not a valid Bot Framework activity.");
        }
        if (activity == null || activity.getType() == null) {
            return plain(HttpStatus.BAD_REQUEST, "The activity has no type.");
        }
        if (activity.getServiceUrl() == null || activity.getServiceUrl().isBlank() || activity.getConversation() == null
                || activity.getConversation().getId() == null) {
            return plain(HttpStatus.BAD_REQUEST, "The activity needs a serviceUrl and a conversation.");
        }
        try {
            InvokeResponse response = adapter.processIncomingActivity(authorization, activity, bot)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (response == null) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).build();
            }
            String json = response.getBody() == null ? null : Json.MAPPER.writeValueAsString(response.getBody());
            return ResponseEntity.status(response.getStatus()).contentType(MediaType.APPLICATION_JSON).body(json);
        } catch (ExecutionException | RuntimeException e) {
            if (isAuthenticationFailure(e)) {
                LOG.info("rejected an activity: {}", rootMessage(e));
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            }
            LOG.error("failed to process a {} activity", activity.getType(), e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
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

    /** The SDK's own rejection, or a token it could not even decode. */
    private static boolean isAuthenticationFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof AuthenticationException || c.getClass().getName().startsWith("com.auth0.jwt.exceptions")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    private static ResponseEntity<String> plain(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
    }
}
