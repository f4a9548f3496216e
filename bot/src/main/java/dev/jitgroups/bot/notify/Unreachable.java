package dev.jitgroups.bot.notify;

/** Why an approver cannot be reached in Teams (or not yet), in words for the requester (what to fix is in the log). */
enum Unreachable {

    NOWHERE("they have not used JIT Groups in Teams, are in no team where it is installed, and Microsoft Graph is not "
            + "configured to find them"),
    CHAT_REFUSED("Teams refused to open a chat with them"),
    NO_ENTRA_USER("no Microsoft 365 user is synchronised from their AD account"),
    NOT_INSTALLED("the app is not installed for them and Microsoft Graph is not configured to install it"),
    GRAPH_FORBIDDEN("Microsoft Graph refused the bot: it lacks the permission to find them or to install the app for them"),
    NOT_IN_CATALOG("the app could not be installed for them: it is not in the organisation's Teams app catalog"),
    GRAPH_REFUSED("Microsoft Graph refused to install the app for them"),
    TENANT_NOT_ALLOWED("their Microsoft 365 tenant is not one the bot serves"),
    NO_SERVICE_URL("the bot has not been used in their Microsoft 365 tenant yet"),
    TEAMS_REFUSED("Teams refused the approval card"),
    TEAMS_DOWN("Teams did not answer"),
    GRAPH_DOWN("Microsoft Graph did not answer"),
    NO_APPROVER("no approver of the group was found in Active Directory");

    private final String words;

    Unreachable(String words) {
        this.words = words;
    }

    /** For the requester: completes "X could not be reached in Teams: ...". */
    String words() {
        return words;
    }
}
