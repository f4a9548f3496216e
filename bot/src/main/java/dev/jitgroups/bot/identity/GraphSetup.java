package dev.jitgroups.bot.identity;

import dev.jitgroups.core.directory.EntraGroups;
import dev.jitgroups.core.policy.InvalidPolicyException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Graph is optional: the client exists only with {@code jit.graph.client-id}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphSettings.class)
class GraphSetup {

    @Bean
    @ConditionalOnProperty("jit.graph.client-id")
    GraphClient graphClient(GraphSettings settings, Clock clock) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new GraphClient(settings, clock);
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
