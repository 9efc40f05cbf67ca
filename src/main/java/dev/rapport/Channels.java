package dev.rapport;

import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.telegram.StaffGroupDecoder;
import dev.rapport.channel.telegram.TelegramDecoder;
import dev.rapport.channel.telegram.TelegramSender;
import dev.rapport.channel.telegram.TelegramWebhook;
import dev.rapport.channel.webchat.WebchatDecoder;
import dev.rapport.channel.webchat.WebchatRetention;
import dev.rapport.channel.webchat.WebchatRoutes;
import dev.rapport.config.RapportConfig;
import dev.rapport.inbox.Intake;
import dev.rapport.inbox.UpdateDecoder;
import dev.rapport.schedule.Job;
import dev.rapport.staffgroup.StaffGroup;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The configured channels' edges: a sender per channel for the outbox, a decoder per channel for
 * the inbox workers, Telegram's webhook, and the channels' upkeep jobs (the web chat's session
 * retention). The web chat is always on; Telegram with a bot token; the staff group when one is configured.
 *
 * @param telegram null without a bot token
 * @param webhook  null without a bot token
 */
record Channels(
        List<ChannelSender> senders,
        List<UpdateDecoder> decoders,
        TelegramSender telegram,
        TelegramWebhook webhook,
        List<Job> jobs) {

    static Channels of(
            RapportConfig config,
            WebchatRoutes webchat,
            StaffGroup staffGroup,
            Intake intake,
            MeterRegistry metrics,
            Jdbi jdbi) {
        List<ChannelSender> senders = new ArrayList<>(List.of(webchat.sender()));
        List<UpdateDecoder> decoders = new ArrayList<>(List.of(new WebchatDecoder()));
        TelegramSender telegram = null;
        if (config.telegram().enabled()) {
            telegram = new TelegramSender(config.telegram(), config.outbox().senders());
            senders.add(telegram);
            decoders.add(new TelegramDecoder());
        }
        if (staffGroup != null) {
            senders.add(staffGroup.sender());
            decoders.add(new StaffGroupDecoder());
        }
        TelegramWebhook webhook = config.telegram().enabled()
                ? new TelegramWebhook(
                        config.telegram().webhookSecret(),
                        config.intake().maxBodyBytes(),
                        intake,
                        metrics,
                        Features.withStaffGroup(config)
                                ? config.telegram().staffGroup().groupId()
                                : "")
                : null;
        return new Channels(senders, decoders, telegram, webhook, List.of(webchatRetention(jdbi)));
    }

    private static Job webchatRetention(Jdbi jdbi) {
        var retention = new WebchatRetention(jdbi);
        return new Job(WebchatRetention.JOB, FixedDelay.of(WebchatRetention.EVERY), retention::deleteExpired);
    }
}
