package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import java.time.OffsetDateTime;

/** The Jackson 2 mapper the Bot Framework schema types are made for (Spring Boot 4's own mapper is Jackson 3). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(Activity.class, ActivityTimestamps.class);

    private Json() {
    }

    /**
     * The SDK's pattern for activity timestamps demands fractional seconds; ISO-8601 does not, and clients that
     * send {@code 2026-11-29T21:00:00Z} would get a 400. Plain ISO-8601 reads both forms.
     */
    @SuppressWarnings("unused")
    abstract static class ActivityTimestamps {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        private OffsetDateTime timestamp;
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        private OffsetDateTime localTimestamp;
    }
}
