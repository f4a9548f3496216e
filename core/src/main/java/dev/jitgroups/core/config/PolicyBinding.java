package dev.jitgroups.core.config;

import dev.jitgroups.core.policy.InvalidPolicyException;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.PolicySource;
import dev.jitgroups.core.policy.PolicyValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Binds {@code jit.groups} strictly: a misspelt key ({@code max-duraton}) or a value of the wrong type is an
 * error naming the key, like every semantic problem found by {@link PolicyValidation}.
 */
final class PolicyBinding {

    static final String PREFIX = "jit.groups";
    static final String KNOWN_KEYS = "name, display-name, dn, eligible, max-duration, default-duration, "
            + "justification-required, ticket.required, ticket.pattern, approvers, required-approvals, "
            + "approval-timeout, reminder-after, escalation-approvers, break-glass, notify-channel, permanent-members";

    private PolicyBinding() {
    }

    static PolicyCatalog bind(Environment env) {
        List<PolicySource> sources;
        try {
            sources = listBinder(env).bind(PREFIX, Bindable.listOf(PolicySource.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT)).orElse(List.of());
        } catch (BindException e) {
            throw new InvalidPolicyException(describe(e));
        }
        return PolicyValidation.validate(PREFIX, sources);
    }

    /**
     * A binder over the one property source the group list comes from. Like Spring, the highest-precedence source
     * that has {@code jit.groups} supplies the whole list (policies in an additional file replace the demo policies
     * of the packaged application.yml); the strict key check must not then trip over the groups it replaced.
     */
    private static Binder listBinder(Environment env) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(PREFIX);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(env)) {
            if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return new Binder(List.of(source), env instanceof ConfigurableEnvironment c
                        ? new PropertySourcesPlaceholdersResolver(c) : null);
            }
        }
        return Binder.get(env);
    }

    static List<String> stringList(Environment env, String key) {
        return Binder.get(env).bind(key, Bindable.listOf(String.class)).orElse(List.of());
    }

    private static List<String> describe(BindException e) {
        List<String> problems = new ArrayList<>();
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            for (ConfigurationProperty p : unbound.getUnboundProperties()) {
                problems.add(p.getName() + ": is not a known key (known keys of a group: " + KNOWN_KEYS + ")");
            }
            return problems.stream().sorted().collect(Collectors.toList());
        }
        ConfigurationProperty property = e.getProperty();
        String key = property != null ? property.getName().toString() : e.getName().toString();
        String value = property != null ? "'" + property.getValue() + "' " : "";
        problems.add(key + ": " + value + "cannot be read (" + rootMessage(e) + "); numbers like 2, booleans "
                + "true/false, lists in [ ] or - items");
        return problems;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
