package dev.jitgroups.bot.security;

import dev.jitgroups.core.policy.InvalidPolicyException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

/**
 * Who may call what. {@code /api/messages}: only activities with a verified Bot Framework token (or, in local mode,
 * only local programs). Operator endpoints: health and info for anyone (probes), the audit log only for the operator
 * (HTTP Basic, {@code jit.operator.*}) or, without an operator password, only from this machine. Nothing else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BotSettings.class, OperatorSettings.class})
class FrontDoorSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoorSecurity.class);

    /** The settings, checked: start-up stops here, naming each bad key, before anything listens. */
    @Bean
    CheckedBotSettings checkedBotSettings(BotSettings settings, Environment env) {
        List<String> problems = new ArrayList<>(settings.problems());
        problems.addAll(LocalMode.problems(settings, env));
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        if (settings.localMode()) {
            LOG.warn("\n*****************************************************************************\n"
                    + "* No MicrosoftAppId configured: /api/messages accepts UNAUTHENTICATED requests *\n"
                    + "* from programs on this machine only (local mode, {}).               *\n"
                    + "*****************************************************************************",
                    env.getProperty("server.address"));
        }
        return new CheckedBotSettings(settings);
    }

    /** Marks {@link BotSettings} as checked; beans that act on them depend on it. */
    record CheckedBotSettings(BotSettings settings) {
    }

    @Bean
    ServiceUrls serviceUrls(CheckedBotSettings checked) {
        return new ServiceUrls(checked.settings());
    }

    @Bean
    @Order(1)
    SecurityFilterChain teamsChannel(HttpSecurity http, CheckedBotSettings checked) throws Exception {
        BotSettings settings = checked.settings();
        http.securityMatcher("/api/messages")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new Refusals()));
        if (settings.localMode()) {
            http.addFilterBefore(new LocalOnlyRequests(), AbstractPreAuthenticatedProcessingFilter.class)
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        } else {
            ChannelAuthentication channel = new ChannelAuthentication(new ChannelTokens(settings));
            // GET and HEAD reach only the quiet 405 (probes); every activity (POST) needs a verified token
            http.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/messages").permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/api/messages").permitAll().anyRequest().authenticated())
                    .oauth2ResourceServer(o -> o.authenticationManagerResolver(request -> channel)
                            .authenticationEntryPoint(new Refusals()));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, OperatorSettings operator) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> auditReaders;
        if (operator.hasPassword()) {
            String password = operator.password().strip().startsWith("{") ? operator.password().strip()
                    : "{bcrypt}" + new BCryptPasswordEncoder().encode(operator.password());
            http.userDetailsService(new InMemoryUserDetailsManager(User.withUsername(operator.username())
                    .password(password).passwordEncoder(p -> p).roles("OPERATOR").build()))
                    .httpBasic(b -> b.realmName("JIT Groups operations"));
            auditReaders = AuthorityAuthorizationManager.hasRole("OPERATOR");
        } else {
            auditReaders = (authentication, context) -> new AuthorizationDecision(
                    ServiceUrls.isLoopback(context.getRequest().getRemoteAddr())
                    || "0:0:0:0:0:0:0:1".equals(context.getRequest().getRemoteAddr()));
        }
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .anyRequest().access(auditReaders));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain nothingElse(HttpSecurity http) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.requestMatchers("/error").permitAll().anyRequest().denyAll());
        return http.build();
    }

    /** The bot's own tokens for the Bot Connector; in local mode there are none (nothing asks for them). */
    @Bean
    BotTokens botTokens(CheckedBotSettings checked) {
        BotSettings settings = checked.settings();
        if (settings.localMode()) {
            return resource -> {
                throw new BotTokens.BotTokenException("local mode (no MicrosoftAppId) has no bot identity", null);
            };
        }
        if (settings.appType() == AppType.USER_ASSIGNED_MSI) {
            LOG.info("the bot authenticates as the user-assigned managed identity {}", settings.appId());
            return new ManagedIdentityTokens(settings);
        }
        if (settings.appType() == AppType.MULTI_TENANT) {
            LOG.warn("MicrosoftAppType=MultiTenant: Azure no longer creates multi-tenant bots; move to a single-tenant "
                    + "registration or a user-assigned managed identity when you can");
        }
        return new AppRegistrationTokens(settings);
    }
}
