package dev.jitgroups.bot.identity;

import dev.jitgroups.core.directory.EntraGroups;
import dev.jitgroups.core.policy.InvalidPolicyException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Graph is optional: the client exists only with {@code jit.graph.client-id}. Its credential (client secret or
 * certificate) is built by {@code bot.security}, which alone handles token libraries.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphSettings.class)
class GraphSetup {

    @Bean
    @ConditionalOnProperty("jit.graph.client-id")
    GraphClient graphClient(GraphSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return GraphClient.create(settings, settings.credential().tokenCredential());
    }

    @Bean
    EntraGroups entraGroups(Optional<GraphClient> graph) {
        return new GraphEntraGroups(graph);
    }

    @Bean
    TeamsAppInstalls teamsAppInstalls(Optional<GraphClient> graph, GraphSettings settings) {
        return new TeamsAppInstalls(graph, settings);
    }
}
