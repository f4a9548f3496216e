package dev.jitgroups.core.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Row classes are named {@code XxxRow} so that they never shadow the domain types; their tables drop the
 * suffix ({@code AccessRequestRow} to {@code access_request}). Names stay derived, not written in
 * annotations, so that each database gets its own letter case (H2 upper, PostgreSQL lower).
 */
@Configuration(proxyBeanMethods = false)
class RowNaming {

    @Bean
    NamingStrategy rowNamingStrategy() {
        return new DefaultNamingStrategy() {
            @Override
            public String getTableName(Class<?> type) {
                return super.getTableName(type).replaceFirst("_row$", "");
            }
        };
    }
}
