package dev.jitgroups.ldap.behaviour;

/** The behaviour suite against a real AD implementation: the Samba AD DC (skipped with the reason when none runs). */
@SambaAvailable
class SambaDirectoryBehaviourTest extends DirectoryBehaviour {

    @Override
    DirectoryFixture openFixture() throws Exception {
        return SambaFixture.connect();
    }
}
