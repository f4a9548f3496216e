package dev.jitgroups.core.approval;

import dev.jitgroups.core.request.RequestId;
import java.util.Locale;
import java.util.Objects;

/**
 * An Approve or Deny tap that could not be checked against the directory when it was made (an outage). It is kept
 * durably and counts only once the directory confirms, as for any tap, that the person may decide.
 *
 * @param approverReference who tapped, as the chat knows them without the directory: {@code sid:S-1-5-...} (through
 *        Microsoft Graph) or a user principal name
 * @param origin where the tap came from (opaque to core), so the approver can be told the outcome there
 */
public record DeferredDecision(RequestId request, String approverReference, boolean approve, String comment,
        String origin) {

    public DeferredDecision {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(approverReference, "approverReference");
        comment = comment == null ? "" : comment.strip();
        origin = origin == null ? "" : origin;
    }

    /** Same person and request: a second tap of theirs during the outage adds nothing. */
    public String key() {
        return request + "/" + Integer.toHexString(approverReference.strip().toLowerCase(Locale.ROOT).hashCode());
    }
}
