package dev.jitgroups.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Core's migrations (V1..V99) and the bot's (V100..) share one Flyway history. A database created before a new core
 * migration existed already holds the bot's higher versions; with the application's Flyway settings the new core
 * migration still runs on it instead of stopping the start-up with "resolved migration not applied".
 */
class MigrationUpgradeTest {

    @Test
    void a_core_migration_added_after_the_bots_runs_on_an_existing_database(@TempDir Path older) throws IOException {
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*.sql");
        List<Resource> core = Arrays.stream(all).filter(r -> version(r) < 100)
                .sorted(Comparator.comparingInt(MigrationUpgradeTest::version)).toList();
        Resource newest = core.get(core.size() - 1);
        for (Resource r : all) {
            if (r != newest) {
                try (InputStream in = r.getInputStream()) {
                    Files.copy(in, older.resolve(r.getFilename()));
                }
            }
        }
        String url = "jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + older).load().migrate();

        Flyway upgrade = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .outOfOrder(Boolean.parseBoolean(String.valueOf(applicationSetting("spring.flyway.out-of-order"))))
                .load();
        upgrade.migrate();

        assertThat(Arrays.stream(upgrade.info().applied()).map(MigrationInfo::getScript))
                .contains(newest.getFilename()).hasSize(all.length);
    }

    private static int version(Resource r) {
        String name = r.getFilename();
        return Integer.parseInt(name.substring(1, name.indexOf("__")).split("\\.")[0]);
    }

    private static Object applicationSetting(String key) throws IOException {
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"))) {
            if (source.containsProperty(key)) {
                return source.getProperty(key);
            }
        }
        return null;
    }
}
