package dev.jitgroups.core.approval;

/** Why a user's action was refused, in a sentence that says what to do next. */
public record Rejection(String rule, String message) {
}
