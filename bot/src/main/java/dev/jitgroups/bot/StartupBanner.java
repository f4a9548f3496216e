package dev.jitgroups.bot;

import dev.jitgroups.bot.wording.PolicySummary;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where it listens, what it manages and, in the demo, what to try first. */
@Component
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    /** The people of the built-in demo forest (ldap-sync's embedded/demo-forest.ldif). */
    static final String DEMO_USERS = """
              requesters  alice@corp.example, bob@corp.example
              approvers   carol@corp.example, dave@corp.example (Tier 0 and servers), sofia@corp.example (servers)
              managers    erin@corp.example (of alice and bob), frank@corp.example (JIT admin)
              disabled    mallory@corp.example""";

    private final Environment env;
    private final PolicyCatalog catalog;
    private final ObjectProvider<EmbeddedDirectory> embedded;

    StartupBanner(Environment env, PolicyCatalog catalog, ObjectProvider<EmbeddedDirectory> embedded) {
        this.env = env;
        this.catalog = catalog;
        this.embedded = embedded;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        LOG.info("\n{}", text());
    }

    String text() {
        String address = env.getProperty("server.address", "0.0.0.0");
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder sb = new StringBuilder();
        sb.append("JIT Groups is ready: Bot Framework endpoint http://").append(address).append(':').append(port)
                .append("/api/messages\n");
        sb.append("Managed groups:\n").append(catalog.all().stream().map(StartupBanner::describe)
                .collect(Collectors.joining("\n"))).append('\n');
        EmbeddedDirectory demo = embedded.getIfAvailable();
        if (demo != null) {
            sb.append("Embedded demo directory ").append(demo.url()).append(" (").append(demo.baseDn())
                    .append(") with these users:\n");
            sb.append(env.getProperty("jit.ldap.embedded.ldif") == null ? DEMO_USERS : "  (from your own LDIF)")
                    .append('\n');
            sb.append("Next: npx @microsoft/m365agentsplayground -e http://").append(address).append(':').append(port)
                    .append("/api/messages -c msteams\n")
                    .append("      then say 'help', or 'request helpdesk for 30m' as Alice; README.md, What to try first");
        }
        return sb.toString();
    }

    private static String describe(GroupPolicy p) {
        return "  " + p.name() + " (" + p.displayName() + "): " + PolicySummary.of(p);
    }
}
