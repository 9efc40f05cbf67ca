package dev.rapport.survey;

import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;
import dev.rapport.engine.Outreach;
import dev.rapport.store.EventLog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * A survey sent to a segment of customers ({@code rapport survey send}). Each chosen customer gets
 * the survey's flow through {@link Outreach}, so it runs as a turn in their chat and its messages
 * leave through the outbox at the configured rates. Never chosen: customers who opted out, who have
 * no reachable chat, or who were surveyed within the frequency cap (complaint follow-ups do not
 * count). Idempotent: a campaign invites each customer once ({@code survey_invitations}), so running
 * it twice sends once. Stateless; thread-safe.
 */
public final class SurveyCampaign {

    /** Why a customer of the segment is not invited. */
    public enum Skip {
        OPTED_OUT("opted out"),
        UNREACHABLE("no reachable chat"),
        ALREADY_INVITED("already invited by this campaign"),
        SURVEYED_RECENTLY("surveyed within the frequency cap");

        final String reason;

        Skip(String reason) {
            this.reason = reason;
        }
    }

    /** A customer of the segment. */
    public record Candidate(long customerId, String name, Tier tier, Language language) {}

    /** Who would be invited, and who not and why. */
    public record Plan(String campaign, List<Candidate> invite, Map<Skip, List<Candidate>> skipped) {}

    private final SurveyFeature surveys;
    private final Outreach outreach;

    public SurveyCampaign(SurveyFeature surveys, Outreach outreach) {
        this.surveys = surveys;
        this.outreach = outreach;
    }

    /**
     * Who the campaign would invite now.
     *
     * @param tier     only customers of this tier, or null for all
     * @param campaign the campaign's name; its responses have the trigger {@code campaign:<name>}
     * @throws IllegalArgumentException for an unknown survey
     */
    /** A customer as the plan query reads it, with what could keep them from being invited. */
    record Row(
            long id,
            String name,
            Tier tier,
            Language language,
            boolean optedOut,
            boolean reachable,
            boolean invited,
            boolean surveyedRecently) {}

    public Plan plan(Jdbi jdbi, String surveyId, Tier tier, String campaign) {
        if (surveys.survey(surveyId).isEmpty()) {
            throw new IllegalArgumentException("unknown survey '" + surveyId + "'; surveys: "
                    + String.join(", ", surveys.surveyIds().stream().sorted().toList()));
        }
        List<Candidate> invite = new ArrayList<>();
        Map<Skip, List<Candidate>> skipped = new EnumMap<>(Skip.class);
        jdbi.useHandle(handle -> handle.createQuery("""
                        SELECT c.id, c.name, c.tier, c.language, c.opted_out_at IS NOT NULL AS opted_out,
                               EXISTS (SELECT 1 FROM channel_accounts a
                                       WHERE a.customer_id = c.id AND a.unreachable_at IS NULL) AS reachable,
                               EXISTS (SELECT 1 FROM survey_invitations i
                                       WHERE i.customer_id = c.id AND i.campaign = :campaign) AS invited,
                               EXISTS (SELECT 1 FROM survey_invitations i
                                       WHERE i.customer_id = c.id AND i.invited_at > :since)
                               OR EXISTS (SELECT 1 FROM survey_responses r
                                          WHERE r.customer_id = c.id AND r.started_at > :since
                                            AND r.trigger NOT LIKE 'complaint:%') AS surveyed_recently
                        FROM customers c
                        WHERE c.tier = coalesce(CAST(:tier AS text), c.tier)
                        ORDER BY c.id""")
                .bind("campaign", campaign)
                .bind("tier", tier)
                .bind(
                        "since",
                        surveys.clock().instant().minus(surveys.settings().frequencyCap()))
                .map(ConstructorMapper.of(Row.class))
                .forEach(row -> {
                    var candidate = new Candidate(row.id(), row.name(), row.tier(), row.language());
                    Skip skip = row.optedOut()
                            ? Skip.OPTED_OUT
                            : !row.reachable()
                                    ? Skip.UNREACHABLE
                                    : row.invited()
                                            ? Skip.ALREADY_INVITED
                                            : row.surveyedRecently() ? Skip.SURVEYED_RECENTLY : null;
                    if (skip == null) {
                        invite.add(candidate);
                    } else {
                        skipped.computeIfAbsent(skip, any -> new ArrayList<>()).add(candidate);
                    }
                }));
        return new Plan(campaign, invite, skipped);
    }

    /**
     * Invites the plan's customers, one transaction each, and returns how many were queued. A customer
     * who opted out or whose chat became unreachable since the plan, or who was invited meanwhile, is
     * left out.
     */
    public int send(Jdbi jdbi, String surveyId, Plan plan) {
        String flow = surveys.survey(surveyId).orElseThrow().flowId();
        int sent = 0;
        for (Candidate candidate : plan.invite()) {
            boolean queued = jdbi.inTransaction(handle -> {
                // Opted out since the plan was made: not asked. The outreach key makes the start idempotent;
                // the invitation records it for the cap and the results.
                boolean optedOut = handle.createQuery("SELECT opted_out_at IS NOT NULL FROM customers WHERE id = :id")
                        .bind("id", candidate.customerId())
                        .mapTo(Boolean.class)
                        .one();
                if (optedOut
                        || !outreach.start(
                                handle,
                                "survey:" + plan.campaign() + ":" + candidate.customerId(),
                                candidate.customerId(),
                                flow,
                                Map.of(SurveyActions.TRIGGER_SLOT, "campaign:" + plan.campaign()))) {
                    return false;
                }
                handle.createUpdate("""
                                INSERT INTO survey_invitations (survey_id, campaign, customer_id, tier)
                                VALUES (:survey, :campaign, :customer, :tier) ON CONFLICT DO NOTHING""")
                        .bind("survey", surveyId)
                        .bind("campaign", plan.campaign())
                        .bind("customer", candidate.customerId())
                        .bind("tier", candidate.tier())
                        .execute();
                EventLog.record(
                        handle,
                        SurveyEvent.INVITED,
                        null,
                        null,
                        candidate.customerId(),
                        Map.of("survey", surveyId, "campaign", plan.campaign()));
                return true;
            });
            sent += queued ? 1 : 0;
        }
        return sent;
    }

    /** Writes the plan for a person: who is invited, then who is not and why. */
    /** Prints the plan as a table, with the words of {@code labels} (keys {@code campaign.*}). */
    public static void print(Plan plan, PrintWriter out, dev.rapport.store.Labels labels) {
        out.println(labels.get("campaign.plan", plan.campaign(), plan.invite().size()));
        var table = dev.rapport.store.TextTable.of(
                        labels.get("campaign.action"),
                        labels.get("campaign.customer"),
                        labels.get("campaign.name"),
                        labels.get("campaign.tier"),
                        labels.get("campaign.language"),
                        labels.get("campaign.why"))
                .right(1);
        plan.invite()
                .forEach(candidate -> table.row(
                        labels.get("campaign.invite"),
                        "#" + candidate.customerId(),
                        name(candidate, labels),
                        candidate.tier(),
                        candidate.language(),
                        ""));
        plan.skipped()
                .forEach((skip, candidates) -> candidates.forEach(candidate -> table.row(
                        labels.get("campaign.skip"),
                        "#" + candidate.customerId(),
                        name(candidate, labels),
                        candidate.tier(),
                        candidate.language(),
                        labels.get("campaign.skip." + skip.name().toLowerCase(java.util.Locale.ROOT)))));
        table.lines().forEach(line -> out.println("  " + line));
        out.flush();
    }

    private static String name(Candidate candidate, dev.rapport.store.Labels labels) {
        return candidate.name() == null ? labels.get("campaign.no_name") : candidate.name();
    }
}
