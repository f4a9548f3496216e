package dev.jitgroups.ldap.config;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code jit.ldap.urls} is empty: then the embedded directory stands in for AD. */
class NoLdapUrls implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("jit.ldap.urls", Bindable.listOf(String.class))
                .map(List::isEmpty).orElse(true);
    }
}
