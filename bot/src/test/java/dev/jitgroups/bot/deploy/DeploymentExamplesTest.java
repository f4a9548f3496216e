package dev.jitgroups.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment examples agree with the image and with the application: the mount points the image reads, its
 * user and port, shutdown times long enough for db-scheduler's wait, the same start on Windows, no secrets committed.
 * (ContainerImageIT starts the image itself; this test reads the files.)
 */
class DeploymentExamplesTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("jitgroups.repository", "..")).toAbsolutePath()
            .normalize();
    private static final Dockerfile DOCKERFILE = Dockerfile.read(REPOSITORY.resolve("Dockerfile"));
    private static final String CONFIG_DIR = "/etc/jitgroups";
    private static final String SECRETS_DIR = "/run/secrets/jitgroups";

    @Test
    void the_image_reads_its_configuration_and_secrets_from_the_documented_mount_points() {
        List<String> entrypoint = DOCKERFILE.image().last("ENTRYPOINT").orElseThrow().execForm();
        assertThat(entrypoint).contains("--spring.config.additional-location=optional:file:" + CONFIG_DIR + "/",
                "--spring.config.import=optional:configtree:" + SECRETS_DIR + "/");
        assertThat(docs()).contains(CONFIG_DIR + "/application.yml", SECRETS_DIR + "/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_kubernetes_example_runs_two_replicas_of_the_image_as_its_user_with_its_mounts() throws IOException {
        Map<String, Object> deployment = kubernetes("Deployment");
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        assertThat(spec.get("replicas")).isEqualTo(2);
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        Map<String, Object> security = (Map<String, Object>) pod.get("securityContext");
        assertThat(security.get("runAsNonRoot")).isEqualTo(true);
        assertThat(security.get("runAsUser") + ":" + security.get("runAsGroup")).isEqualTo(imageUser());
        assertThat(Duration.ofSeconds((Integer) pod.get("terminationGracePeriodSeconds")))
                .isGreaterThan(shutdownMaxWait().multipliedBy(2));
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        List<Map<String, Object>> ports = (List<Map<String, Object>>) container.get("ports");
        assertThat(String.valueOf(ports.get(0).get("containerPort"))).isEqualTo(exposed());
        List<Object> mounts = ((List<Map<String, Object>>) container.get("volumeMounts")).stream()
                .map(m -> m.get("mountPath")).map(Object.class::cast).toList();
        assertThat(mounts).contains(CONFIG_DIR, SECRETS_DIR);
        Map<String, Object> secret = kubernetes("Secret");
        assertThat(((Map<String, Object>) secret.get("stringData")).values())
                .as("only placeholders").allSatisfy(v -> assertThat((String) v).startsWith("<").endsWith(">"));
        Map<String, Object> ingress = (Map<String, Object>) kubernetes("Ingress").get("spec");
        assertThat(ingress.get("tls")).as("TLS at the ingress: Teams calls HTTPS only").isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_example_runs_two_instances_behind_the_proxy_on_one_database() throws IOException {
        Map<String, Object> compose = yaml(REPOSITORY.resolve("deploy/compose/compose.yaml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> bots = services.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("jitgroups-bot:"))
                .map(Map.Entry::getKey).toList();
        assertThat(bots).hasSize(2);
        String nginx = Files.readString(REPOSITORY.resolve("deploy/compose/nginx.conf"));
        for (String bot : bots) {
            Map<String, Object> service = services.get(bot);
            assertThat(nginx).contains("server " + bot + ":" + exposed() + " ");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat((String) env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://db:");
            assertThat((List<String>) service.get("volumes")).anyMatch(v -> v.contains(":" + CONFIG_DIR + ":ro"));
            assertThat((List<Map<String, Object>>) service.get("secrets"))
                    .allSatisfy(s -> assertThat((String) s.get("target")).startsWith(SECRETS_DIR + "/"));
            assertThat(DurationStyle.detectAndParse((String) service.get("stop_grace_period")))
                    .isGreaterThan(shutdownMaxWait().multipliedBy(2));
        }
        assertThat(nginx).contains("listen 443 ssl").contains("location = /api/messages");
        assertThat(services.get("db").get("healthcheck")).isNotNull();
    }

    @Test
    void no_secret_or_key_is_committed_with_the_compose_example() throws Exception {
        assertThat(REPOSITORY.resolve("deploy/compose/secrets/.gitignore")).content().startsWith("#").contains("\n*\n");
        assertThat(REPOSITORY.resolve("deploy/compose/tls/.gitignore")).content().contains("\n*\n");
        assertThat(tracked("deploy/compose/secrets", "deploy/compose/tls")).allSatisfy(f -> assertThat(f)
                .matches(".*/(README\\.md|\\.gitignore)"));
    }

    @Test
    void the_windows_service_starts_the_jar_like_the_image_and_stops_it_gracefully() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(REPOSITORY.resolve("deploy/windows/jitgroups.xml").toFile());
        String arguments = text(xml, "arguments");
        assertThat(arguments).contains("-jar \"%BASE%\\jitgroups-bot.jar\"",
                "--spring.config.additional-location=optional:file:", "--spring.config.import=optional:configtree:")
                .as("-Xrs would keep Ctrl+C, WinSW's stop, from the JVM's shutdown").doesNotContain("-Xrs");
        assertThat(DurationStyle.detectAndParse(text(xml, "stoptimeout").replace(" sec", "s")))
                .isGreaterThan(shutdownMaxWait().multipliedBy(2));
        assertThat(xml.getElementsByTagName("password").getLength()).as("no password in the service definition")
                .isZero();
    }

    @Test
    void mvnw_cmd_fetches_the_same_maven_the_same_way_as_mvnw() throws IOException {
        String cmd = Files.readString(REPOSITORY.resolve("mvnw.cmd"), StandardCharsets.UTF_8);
        String sh = Files.readString(REPOSITORY.resolve("mvnw"), StandardCharsets.UTF_8);
        assertThat(cmd).as("CRLF (.gitattributes)").contains("\r\n").doesNotContain("://");
        assertThat(sh).doesNotContain("://");
        assertThat(cmd).contains(".mvn\\wrapper\\maven-wrapper.properties", "\"mavenVersion\"");
        Pattern plugin = Pattern.compile("maven-dependency-plugin:[0-9.]+:get");
        assertThat(find(plugin, cmd)).isEqualTo(find(plugin, sh));
    }

    private static String imageUser() {
        return DOCKERFILE.image().last("USER").orElseThrow().arguments();
    }

    private static String exposed() {
        return DOCKERFILE.image().last("EXPOSE").orElseThrow().arguments();
    }

    /** The application's own default of db-scheduler.shutdown-max-wait. */
    @SuppressWarnings("unchecked")
    private static Duration shutdownMaxWait() throws IOException {
        Map<String, Object> app = yaml(REPOSITORY.resolve("bot/src/main/resources/application.yml"));
        return DurationStyle.detectAndParse((String) ((Map<String, Object>) app.get("db-scheduler")).get(
                "shutdown-max-wait"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kubernetes(String kind) throws IOException {
        try (InputStream in = Files.newInputStream(REPOSITORY.resolve("deploy/kubernetes/jitgroups.yaml"))) {
            for (Object doc : new Yaml().loadAll(in)) {
                if (kind.equals(((Map<String, Object>) doc).get("kind"))) {
                    return (Map<String, Object>) doc;
                }
            }
        }
        throw new AssertionError("no " + kind + " in deploy/kubernetes/jitgroups.yaml");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    private static String docs() {
        try {
            return Files.readString(REPOSITORY.resolve("docs/deploy.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("docs/deploy.md", e);
        }
    }

    private static String text(Document xml, String element) {
        return xml.getElementsByTagName(element).item(0).getTextContent().strip();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group();
    }

    /** The files git tracks under these folders; none when this is no git checkout (nothing committed then). */
    private static List<String> tracked(String... folders) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "ls-files", "--"));
        command.addAll(List.of(folders));
        Process git;
        try {
            git = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return List.of();
        }
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return git.waitFor() == 0 ? out.lines().toList() : List.of();
    }
}
