package dev.jitgroups.core.siem;

import dev.jitgroups.core.policy.InvalidPolicyException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** Builds the configured sinks, by name. */
public final class Sinks {

    private Sinks() {
    }

    public static Map<String, Sink> create(SiemSettings settings, Clock clock) {
        Map<String, Sink> sinks = new LinkedHashMap<>();
        SyslogFormat syslog = new SyslogFormat(settings.hostname());
        OcsfFormat ocsf = new OcsfFormat();
        for (int i = 0; i < settings.sinks().size(); i++) {
            SinkSettings s = settings.sinks().get(i);
            SSLContext tls = s.type() == SinkType.SYSLOG_TCP ? null : tls(i, s);
            sinks.put(s.name(), s.type() == SinkType.WEBHOOK ? new WebhookSink(s, tls, ocsf, clock)
                    : new SyslogSink(s, tls, syslog));
        }
        return sinks;
    }

    private static SSLContext tls(int i, SinkSettings s) {
        try {
            return TlsContexts.create(s);
        } catch (GeneralSecurityException | IOException e) {
            // validation read the same files a moment ago; this is for a file changed in between
            throw new InvalidPolicyException("Invalid SIEM configuration (jit.siem)", List.of(SiemValidation.PREFIX
                    + ".sinks[" + i + "]: cannot set up TLS (" + e.getMessage() + ")"));
        }
    }
}
