package dev.jitgroups.ldap.behaviour;

/** The behaviour suite against the embedded UnboundID in-memory directory. */
class EmbeddedDirectoryBehaviourTest extends DirectoryBehaviour {

    @Override
    DirectoryFixture openFixture() throws Exception {
        return EmbeddedFixture.start();
    }
}
