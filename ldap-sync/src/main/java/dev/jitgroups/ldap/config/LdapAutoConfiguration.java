package dev.jitgroups.ldap.config;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.directory.ManagedGroups;
import dev.jitgroups.ldap.connection.LdapConnections;
import dev.jitgroups.ldap.connection.LdapSettings;
import dev.jitgroups.ldap.directory.LdapAccountDirectory;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import dev.jitgroups.ldap.health.DirectoryHealthIndicator;
import dev.jitgroups.ldap.membership.LdapGroupMembership;
import dev.jitgroups.ldap.ttl.PamFeature;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Gives an application with ldap-sync on its class path core's directory ports over LDAP: against the servers in
 * {@code jit.ldap.urls}, or, when there are none, against the embedded demo directory on loopback.
 */
@AutoConfiguration
@EnableConfigurationProperties(LdapSettings.class)
public class LdapAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LdapAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoLdapUrls.class)
    @ConditionalOnMissingBean
    EmbeddedDirectory embeddedDirectory(LdapSettings settings) throws LDAPException {
        LdapSettings.Embedded embedded = settings.embedded();
        EmbeddedDirectory directory = EmbeddedDirectory.start(embedded.baseDn(), embedded.port(), embedded.ldif());
        LOG.warn("No jit.ldap.urls configured: using the embedded demo directory at {} ({}); not for production",
                directory.url(), directory.baseDn());
        return directory;
    }

    @Bean(destroyMethod = "close")
    LDAPConnectionPool jitLdapConnectionPool(LdapSettings settings, ObjectProvider<EmbeddedDirectory> embedded) {
        LdapSettings effective = effective(settings, embedded.getIfAvailable());
        try {
            LDAPConnectionPool pool = LdapConnections.open(effective);
            LOG.info("Connected to the directory: {}", effective);
            return pool;
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot connect to the directory at " + effective.urls() + " (jit.ldap.urls) as "
                    + effective.bindDn() + " (jit.ldap.bind-dn): " + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean(AccountDirectory.class)
    LdapAccountDirectory ldapAccountDirectory(LDAPConnectionPool jitLdapConnectionPool, LdapSettings settings) {
        return new LdapAccountDirectory(jitLdapConnectionPool, settings.parsedBaseDn());
    }

    @Bean
    @ConditionalOnMissingBean(GroupMembership.class)
    LdapGroupMembership ldapGroupMembership(LDAPConnectionPool jitLdapConnectionPool, LdapSettings settings,
            ObjectProvider<Clock> clock) {
        DN base = settings.parsedBaseDn();
        boolean pam = PamFeature.isEnabled(jitLdapConnectionPool, base);
        LOG.info(pam ? "AD Privileged Access Management feature enabled: members are added with a TTL"
                : "AD Privileged Access Management feature absent: expiry relies on the scheduler");
        return new LdapGroupMembership(jitLdapConnectionPool, base, pam, clock.getIfAvailable(Clock::systemUTC));
    }

    private static LdapSettings effective(LdapSettings settings, EmbeddedDirectory embedded) {
        if (embedded == null) {
            return settings;
        }
        return settings.forLoopback(embedded.url(), embedded.bindDn(), embedded.bindPassword(), embedded.baseDn());
    }

    /** Registered only when the application has Actuator's health support on its class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class DirectoryHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "directoryHealthIndicator")
        DirectoryHealthIndicator directoryHealthIndicator(LDAPConnectionPool jitLdapConnectionPool, LdapSettings settings,
                GroupMembership membership, ObjectProvider<ManagedGroups> managedGroups) {
            return new DirectoryHealthIndicator(jitLdapConnectionPool, settings.parsedBaseDn().toString(), membership,
                    managedGroups);
        }
    }
}
