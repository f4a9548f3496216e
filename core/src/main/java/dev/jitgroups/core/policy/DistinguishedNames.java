package dev.jitgroups.core.policy;

import java.util.regex.Pattern;

/**
 * A shallow syntax check for DNs in configuration, so that typos fail at start-up. The directory adapter
 * parses DNs properly (UnboundID {@code DN}) when it uses them.
 */
final class DistinguishedNames {

    private static final Pattern FIRST_RDN = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*=.+");

    private DistinguishedNames() {
    }

    static boolean looksLikeDn(String text) {
        return text != null && FIRST_RDN.matcher(text.strip()).matches();
    }
}
