package dev.jitgroups.core.config;

import dev.jitgroups.core.jobs.JobSettings;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.InvalidPolicyException;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.PrincipalRef;
import dev.jitgroups.core.store.StoreMarker;
import dev.jitgroups.core.workflow.CoreSettings;
import dev.jitgroups.core.workflow.Transitions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** Wires the access workflow. Applications get it by having core on the class path. */
@AutoConfiguration
// only the packages with beans: a scan of all of dev.jitgroups.core would also pick up test configurations
@ComponentScan(basePackageClasses = {Transitions.class, JobSettings.class, StoreMarker.class},
        basePackages = "dev.jitgroups.core.operations",
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EnableConfigurationProperties(JobSettings.class)
@Import(SiemWiring.class)
public class CoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PolicyCatalog policyCatalog(Environment env) {
        return PolicyBinding.bind(env);
    }

    @Bean
    CoreSettings coreSettings(Environment env) {
        List<String> problems = new ArrayList<>();
        List<PrincipalRef> admins = new ArrayList<>();
        List<String> raw = PolicyBinding.stringList(env, "jit.admins");
        for (int i = 0; i < raw.size(); i++) {
            try {
                admins.add(PrincipalRef.parse(raw.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add("jit.admins[" + i + "]: " + e.getMessage());
            }
        }
        Duration warning = Duration.ofMinutes(15);
        String warnText = env.getProperty("jit.expiry-warning");
        if (warnText != null) {
            try {
                warning = DurationText.parse(warnText);
            } catch (IllegalArgumentException e) {
                problems.add("jit.expiry-warning: " + e.getMessage());
            }
        }
        CoreSettings.RequestLimit limit = requestLimit(env, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new CoreSettings(admins, warning, limit);
    }

    private static CoreSettings.RequestLimit requestLimit(Environment env, List<String> problems) {
        CoreSettings.RequestLimit limit = CoreSettings.RequestLimit.DEFAULT;
        int max = limit.max();
        String maxText = env.getProperty("jit.request-limit.max");
        if (maxText != null) {
            try {
                max = Integer.parseInt(maxText.strip());
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1) {
                problems.add("jit.request-limit.max: '" + maxText + "' is not a whole number of at least 1");
            }
        }
        Duration per = limit.per();
        String perText = env.getProperty("jit.request-limit.per");
        if (perText != null) {
            try {
                per = DurationText.parse(perText);
            } catch (IllegalArgumentException e) {
                problems.add("jit.request-limit.per: " + e.getMessage());
            }
        }
        return max < 1 ? limit : new CoreSettings.RequestLimit(max, per);
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationPort loggingNotifications() {
        return new LoggingNotifications();
    }
}
