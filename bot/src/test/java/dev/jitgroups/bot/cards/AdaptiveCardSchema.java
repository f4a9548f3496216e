package dev.jitgroups.bot.cards;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Adaptive Cards 1.5 schema from ../shared/schemas, when this clone has shared/ beside it. */
public final class AdaptiveCardSchema {

    public static final String ABSENT = "skipped: ../shared/schemas/adaptive-card-1.5.0.json is not beside this clone "
            + "(CI provides it; or set -Djit.shared.dir)";
    private static Optional<Schema> schema;

    private AdaptiveCardSchema() {
    }

    static Optional<Path> file() {
        String configured = System.getProperty("jit.shared.dir");
        return Stream.of(configured == null ? null : Path.of(configured), Path.of("../shared"), Path.of("../../shared"))
                .filter(p -> p != null).map(p -> p.resolve("schemas/adaptive-card-1.5.0.json")).filter(Files::exists)
                .findFirst();
    }

    public static synchronized Optional<Schema> get() {
        if (schema == null) {
            schema = file().map(f -> {
                try {
                    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6)
                            .getSchema(Files.readString(f), InputFormat.JSON);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return schema;
    }

    /** Problems of the card, empty when valid (or when the schema is absent). */
    public static List<String> problems(String cardJson) {
        return get().map(s -> s.validate(cardJson, InputFormat.JSON).stream().map(Object::toString).toList())
                .orElse(List.of());
    }
}
