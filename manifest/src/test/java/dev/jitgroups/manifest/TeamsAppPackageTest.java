package dev.jitgroups.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The zip built by this module is what Teams accepts: three files at the root, a valid manifest, proper icons. */
class TeamsAppPackageTest {

    static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    static final Path ZIP = BASEDIR.resolve("target/jitgroups-teams-app.zip");
    static final Path SCHEMA = BASEDIR.resolve("../../shared/schemas/teams-manifest-1.22.schema.json").normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, byte[]> entries = new LinkedHashMap<>();

    @BeforeAll
    static void readZip() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
    }

    @Test
    void zip_holds_exactly_the_manifest_and_two_icons_at_its_root() {
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");
    }

    @Test
    void manifest_validates_against_the_teams_1_22_schema() {
        Assumptions.assumeTrue(Files.exists(SCHEMA), "skipped: the Teams manifest schema is not at " + SCHEMA
                + " (../shared is only present in the project's workspace and CI)");
        // the schema says draft-04 but uses draft-06 keywords such as const: validate with draft-07 rules
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.defaultDialectId(SpecificationVersion.DRAFT_7.getDialectId()));
        tools.jackson.databind.node.ObjectNode schemaJson = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                SCHEMA.toFile());
        schemaJson.remove("$schema");
        Schema schema = registry.getSchema(schemaJson);
        List<Error> errors = schema.validate(manifest());
        assertThat(errors).as("schema errors").isEmpty();
        // and the validator does reject what Teams would reject
        tools.jackson.databind.node.ObjectNode broken = (tools.jackson.databind.node.ObjectNode) manifest();
        broken.put("manifestVersion", "1.5");
        broken.remove("accentColor");
        assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void placeholders_are_resolved_and_the_bot_serves_chats_channels_and_group_chats() {
        String text = new String(entries.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContainPattern("@[A-Za-z0-9_.-]+@").doesNotContain("${");
        JsonNode bot = manifest().get("bots").get(0);
        assertThat(bot.get("scopes").toString()).contains("personal", "team", "groupChat");
        assertThat(bot.get("botId").asString()).matches("[0-9a-f-]{36}");
        assertThat(bot.get("commandLists").get(0).get("commands").toString()).contains("request", "status", "help");
    }

    @Test
    void color_icon_is_192_square_and_outline_is_32_square_white_or_transparent() throws IOException {
        BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        int white = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                int rgb = argb & 0xFFFFFF;
                assertThat(alpha == 0 || (alpha == 255 && rgb == 0xFFFFFF))
                        .as("pixel (%d,%d) = %08x must be white or fully transparent", x, y, argb).isTrue();
                white += alpha == 255 ? 1 : 0;
            }
        }
        assertThat(white).as("the outline icon shows something").isGreaterThan(20);
    }

    private static JsonNode manifest() {
        return JSON.readTree(entries.get("manifest.json"));
    }
}
