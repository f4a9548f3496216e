package dev.jitgroups.bot.teams;

/**
 * A demo-forest user as Teams sees them: the Teams user id, the Entra object id, the UPN and their 1:1 chat.
 */
record TeamsPerson(String userId, String aadObjectId, String upn, String name, String chatId) {

    static final TeamsPerson ALICE = of("alice", "Alice Adams");
    static final TeamsPerson BOB = of("bob", "Bob Brown");
    static final TeamsPerson CAROL = of("carol", "Carol Clark");
    static final TeamsPerson DAVE = of("dave", "Dave Davis");
    static final TeamsPerson SOFIA = of("sofia", "Sofia Stone");
    static final TeamsPerson ERIN = of("erin", "Erin Evans");
    static final TeamsPerson FRANK = of("frank", "Frank Foster");

    static TeamsPerson of(String sam, String name) {
        return new TeamsPerson("29:" + sam, "00000000-0000-0000-0000-0000000" + String.format("%05d", Math.abs(
                sam.hashCode()) % 100000), sam + "@corp.example", name, "a:chat-" + sam);
    }
}
