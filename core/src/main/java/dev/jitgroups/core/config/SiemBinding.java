package dev.jitgroups.core.config;

import dev.jitgroups.core.policy.InvalidPolicyException;
import dev.jitgroups.core.siem.SiemSettings;
import dev.jitgroups.core.siem.SiemSource;
import dev.jitgroups.core.siem.SiemValidation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.env.Environment;

/** Binds {@code jit.siem} strictly: a misspelt key or a value of the wrong type is an error naming the key. */
final class SiemBinding {

    private static final String HEADING = "Invalid SIEM configuration (" + SiemValidation.PREFIX + ")";

    private SiemBinding() {
    }

    static SiemSettings bind(Environment env) {
        SiemSource source;
        try {
            source = Binder.get(env).bind(SiemValidation.PREFIX, Bindable.of(SiemSource.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT)).orElse(null);
        } catch (BindException e) {
            throw new InvalidPolicyException(HEADING, describe(e));
        }
        return SiemValidation.validate(source);
    }

    private static List<String> describe(BindException e) {
        List<String> problems = new ArrayList<>();
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            for (ConfigurationProperty p : unbound.getUnboundProperties()) {
                problems.add(p.getName() + ": is not a known key (jit.siem takes poll-interval, warn-after, hostname, "
                        + "sinks; a sink takes " + SiemSource.SinkSource.KNOWN_KEYS + ")");
            }
            return problems.stream().sorted().toList();
        }
        ConfigurationProperty property = e.getProperty();
        String key = property != null ? property.getName().toString() : e.getName().toString();
        // the value is not repeated: it may be a secret
        problems.add(key + ": cannot be read (" + rootMessage(e) + "); numbers like 6514, booleans true/false, "
                + "lists as - items");
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
