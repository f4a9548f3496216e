package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T21:00:00Z", "2026-11-29T21:00:00.123Z", "2026-11-29T21:00:00.1234567Z",
        "2026-11-29T22:00:00+01:00"})
    void activity_timestamps_are_read_with_or_without_fractional_seconds(String timestamp) throws Exception {
        Activity a = Json.MAPPER.readValue("{\"type\":\"message\",\"timestamp\":\"" + timestamp + "\"}", Activity.class);
        assertThat(a.getTimestamp().toInstant()).isEqualTo(OffsetDateTime.parse(timestamp).toInstant());
    }
}
