package dev.jitgroups.bot.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command as the image's user. CI runs as root: there the command is started through {@code setpriv} with the
 * image's uid and gid, so a layout that only root could use (an unreadable jar, a working directory the user cannot
 * write) fails the test as it would fail the container. A non-root test run is already non-root.
 */
final class RunAs {

    private RunAs() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static List<String> command(int uid, int gid, List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups",
                "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
