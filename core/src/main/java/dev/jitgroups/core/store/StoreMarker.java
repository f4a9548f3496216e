package dev.jitgroups.core.store;

/** Names this package for component scanning (its classes are package-private). */
public final class StoreMarker {

    private StoreMarker() {
    }
}
