package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.notify.ReachWording.Line;
import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request never waits silently: the requester hears at once who has the approval card and who could not be reached
 * and why, each approver once however often the notice job runs (table {@code bot_reach_report}); an approver who
 * cannot be reached is logged by name and UPN and audited ({@code approver.unreachable}).
 */
@Component
class ReachReports {

    /** How long a passing outage may hold the requester's message back, so that they hear one complete answer. */
    static final Duration SETTLE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ReachReports.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final ConversationStore store;
    private final Outbox outbox;
    private final Clock clock;

    ReachReports(JdbcTemplate jdbc, TransactionTemplate tx, AuditLog audit, ConversationStore store, Outbox outbox,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    void report(RequestNotice n, CardRound round, Delivery d) {
        AccessRequest r = n.request();
        if (r.status() != RequestStatus.PENDING_APPROVAL) {
            return;
        }
        boolean settling = n.kind() == NoticeKind.SUBMITTED && clock.instant().isBefore(r.createdAt().plus(SETTLE));
        if (settling && !round.trying().isEmpty() && round.unreachable().isEmpty()) {
            return; // most likely a passing outage: the job's next attempt settles who has the card
        }
        boolean nobody = n.kind() == NoticeKind.SUBMITTED && n.approvers().isEmpty();
        record(n, round.asked(), round.unreachable(), settling ? List.of() : round.trying(), nobody);
        tell(n, round.inChannel(), d);
    }

    private void record(RequestNotice n, List<Account> asked, List<CardRound.Missed> unreachable,
            List<CardRound.Missed> trying, boolean nobody) {
        String request = n.request().id().toString();
        Set<String> known = jdbc.query("SELECT account_id, outcome FROM bot_reach_report WHERE request_id = ?",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2), request).stream().collect(Collectors.toSet());
        try {
            tx.executeWithoutResult(s -> {
                asked.stream().filter(a -> !known.contains(a.id() + "|" + Line.ASKED))
                        .forEach(a -> insert(request, a.id(), Line.ASKED, a.displayName(), null));
                unreachable.stream().filter(m -> !known.contains(m.approver().id() + "|" + Line.UNREACHABLE))
                        .forEach(m -> missed(n, m, Line.UNREACHABLE));
                trying.stream().filter(m -> !known.contains(m.approver().id() + "|" + Line.TRYING))
                        .forEach(m -> missed(n, m, Line.TRYING));
                if (nobody && !known.contains(Line.NOBODY + "|" + Line.UNREACHABLE)) {
                    insert(request, Line.NOBODY, Line.UNREACHABLE, "", Unreachable.NO_APPROVER);
                    audit.append(entry(n, "-", "failed", "no approver of the group was found in Active Directory"));
                    LOG.warn("request {} for {}: no approver was found in Active Directory; nobody was asked", request,
                            n.policy().name());
                }
            });
        } catch (DuplicateKeyException raced) {
            LOG.debug("another instance recorded how approvers of {} were reached", request);
        }
    }

    private void missed(RequestNotice n, CardRound.Missed m, String outcome) {
        Account a = m.approver();
        insert(n.request().id().toString(), a.id(), outcome, a.displayName(), m.why());
        String who = a.displayName() + " (" + upn(a) + ")";
        audit.append(entry(n, upn(a), outcome.equals(Line.TRYING) ? "retrying" : "failed", who + ": " + m.why().words()
                + "; " + m.detail()));
        LOG.warn("approver {} of request {} for {} {} in Teams: {} ({})", who, n.request().id(), n.policy().name(),
                outcome.equals(Line.TRYING) ? "not reached yet, retrying," : "could not be reached", m.why().words(),
                m.detail());
    }

    private void insert(String request, String accountId, String outcome, String name, Unreachable why) {
        jdbc.update("INSERT INTO bot_reach_report (request_id, account_id, outcome, display_name, reason, reported_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", request, accountId, outcome, name, why == null ? null : why.name(), now());
    }

    /** Tells the requester what they were not told yet; marked told once posted (or when they cannot be told). */
    private void tell(RequestNotice n, boolean inChannel, Delivery d) {
        AccessRequest r = n.request();
        List<Reported> all = jdbc.query("SELECT account_id, outcome, display_name, reason, told_at FROM bot_reach_report "
                + "WHERE request_id = ? ORDER BY reported_at, display_name", (rs, i) -> new Reported(new Line(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) == null ? null
                : Unreachable.valueOf(rs.getString(4))), rs.getObject(5) != null), r.id().toString());
        List<Line> untold = all.stream().filter(x -> !x.told()).map(Reported::line).toList();
        if (untold.isEmpty()) {
            return;
        }
        long askedSoFar = all.stream().filter(x -> x.line().outcome().equals(Line.ASKED)).count();
        String text = ReachWording.message(new ReachWording.About(n.policy().displayName(), r.duration(),
                n.policy().requiredApprovals(), r.createdAt().plus(n.policy().approvalTimeout())), untold,
                all.stream().noneMatch(Reported::told), askedSoFar, inChannel);
        Optional<Address> requester = store.personalChatOf(r.requester().id());
        if (requester.isEmpty()) {
            LOG.info("requester {} ({}) has no chat with the bot; not told: {}", r.requester().displayName(),
                    r.requester().userPrincipalName(), text);
        } else if (Optional.ofNullable(d.attempt(() -> outbox.post(requester.get(), Message.text(text))))
                .filter(DeliveryException::retryable).isPresent()) {
            return; // told when the job runs again
        }
        jdbc.batchUpdate("UPDATE bot_reach_report SET told_at = ? WHERE request_id = ? AND account_id = ? AND outcome = ?",
                untold.stream().map(l -> new Object[] {now(), r.id().toString(), l.accountId(), l.outcome()}).toList());
    }

    private AuditEntry entry(RequestNotice n, String subject, String outcome, String detail) {
        return new AuditEntry(clock.instant(), "system", "approver.unreachable", n.request().id().toString(),
                n.policy().name(), subject, outcome, detail);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String upn(Account a) {
        return a.userPrincipalName() == null || a.userPrincipalName().isBlank() ? a.samAccountName()
                : a.userPrincipalName();
    }

    private record Reported(Line line, boolean told) {
    }
}
