package dev.rapport.customer;

import dev.rapport.channel.Content;
import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import java.util.Map;

/**
 * {@code link_chat}: the start flow calls it for {@code /start <token>} (a deep link from
 * {@code rapport customers link}). Outcomes: {@code none} (no token: an ordinary /start),
 * {@code linked} (the chat now belongs to the token's customer, and the turn goes on as them),
 * {@code invalid} (unknown, used or expired; recorded with the reason). Stateless; thread-safe.
 */
public final class LinkAction implements Action {

    private final LinkTokens tokens;

    public LinkAction(LinkTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "link_chat";
    }

    @Override
    public String run(ActionContext context) {
        if (!(context.message().content() instanceof Content.Command command)
                || command.argument() == null
                || command.argument().isBlank()) {
            return "none";
        }
        var message = context.message();
        var redemption =
                tokens.redeem(context.handle(), command.argument().strip(), message.channel(), message.chatKey());
        if (redemption instanceof LinkTokens.Redemption.Invalid invalid) {
            context.event(CustomerEvent.LINK_FAILED, Map.of("reason", invalid.reason()));
            return "invalid";
        }
        long customerId = ((LinkTokens.Redemption.Valid) redemption).customerId();
        context.switchCustomer(ChatLinks.link(context.handle(), context.customer(), message, customerId, "deep_link"));
        return "linked";
    }
}
