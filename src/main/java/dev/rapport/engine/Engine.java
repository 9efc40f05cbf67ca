package dev.rapport.engine;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.flow.Conversations;
import dev.rapport.flow.Flow;
import dev.rapport.flow.Step;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Turns one inbound message into a turn: find the customer and the conversation, read the message,
 * route it (button, command, the step waiting for an answer, intent), run flow steps until the flow
 * waits, and write state, message log, events and outbox rows — all in the caller's transaction.
 *
 * <p>Button presses are always answered, also when the button is from an old message. Stateless
 * apart from immutable configuration; thread-safe. Never imports a feature: features register
 * {@link Action}s and implement {@link CustomerDirectory}.
 */
public final class Engine {

    private final Conversations conversations;
    private final CustomerDirectory customers;
    private final Interpreter interpreter;

    private final FlowRunner runner;
    private final TypedAnswer typedAnswer;
    private final String businessName;
    private final Clock clock;
    private final HandoffPort handoffs;
    private final WithPerson withPerson;

    public Engine(
            Conversations conversations,
            List<Action> actions,
            CustomerDirectory customers,
            Interpreter interpreter,
            int stepLimit,
            String businessName,
            Clock clock) {
        this(conversations, actions, customers, interpreter, stepLimit, businessName, clock, HandoffPort.NONE);
    }

    /** With {@code handoffs}: escalations open handoffs, and a chat with an open handoff is left to the person. */
    public Engine(
            Conversations conversations,
            List<Action> actions,
            CustomerDirectory customers,
            Interpreter interpreter,
            int stepLimit,
            String businessName,
            Clock clock,
            HandoffPort handoffs) {
        this.handoffs = handoffs;
        this.withPerson = new WithPerson(handoffs);
        this.conversations = conversations;
        this.customers = customers;
        this.interpreter = interpreter;
        this.businessName = businessName;
        this.clock = clock;
        Map<String, Action> byName =
                new java.util.HashMap<>(actions.stream().collect(Collectors.toMap(Action::name, Function.identity())));
        byName.put(Resumption.ACTION, new Action() {
            @Override
            public String name() {
                return Resumption.ACTION;
            }

            @Override
            public String run(ActionContext context) {
                return runner.resume((Turn) context);
            }
        });
        this.runner = new FlowRunner(conversations, byName, stepLimit);
        this.typedAnswer = new TypedAnswer(conversations.messages());
    }

    /** How long a dialogue counts as in progress after the customer's last turn in it; outreach waits that long. */
    static final java.time.Duration DIALOGUE_IDLE = java.time.Duration.ofMinutes(30);

    /** The slot holding the customer's text when a flow was started by its intent (absent otherwise). */
    public static final String STARTED_BY_TEXT = "started_by_text";

    /**
     * The slot collecting the files (photos, documents, ...) a customer sends while a flow waits for
     * an answer: one {@code kind:file-reference} line per file, in the order they came.
     */
    public static final String ATTACHMENTS = "attachments";

    /** The message keys the engine says itself (besides those flows name); checked at start-up. */
    public static final java.util.Set<String> MESSAGE_KEYS = java.util.Set.of(
            "engine.fallback",
            "engine.fallback_offer_person",
            "engine.stale_button",
            "engine.too_many_steps",
            "engine.media_received",
            "engine.media_kept",
            "engine.customer_name_fallback",
            "media.file");

    /** The flows and message texts this engine runs. */
    public Conversations conversations() {
        return conversations;
    }

    /** The action names flows may call; the flow validator checks every file against them. */
    public static java.util.Set<String> actionNames(List<Action> actions) {
        var names = actions.stream().map(Action::name).collect(Collectors.toCollection(java.util.HashSet::new));
        names.add(Resumption.ACTION); // the engine's own
        return java.util.Set.copyOf(names);
    }

    /** Runs one turn and writes everything it leaves behind, in the caller's transaction. */
    public void handle(Handle handle, InboundMessage message, long inboxId) {
        TurnBatch batch = batch(handle);
        batch.handle(message, inboxId);
        batch.finish();
    }

    CustomerDirectory customers() {
        return customers;
    }

    HandoffPort handoffs() {
        return handoffs;
    }

    /** For running many turns in one transaction with their end-of-turn writes together ({@link TurnBatch}). */
    public TurnBatch batch(Handle handle) {
        return new TurnBatch(this, handle);
    }

    void run(Handle handle, InboundMessage message, long inboxId, TurnBatch batch) {
        CustomerView customer = batch.customer(message);
        Conversation conversation = batch.conversation(message.channel().code(), message.chatKey());
        var turn = new Turn(handle, message, inboxId, customer, conversation, conversations.messages(), businessName);
        turn.handoffs = handoffs;
        turn.handoffId =
                batch.openHandoff(message.channel().code(), message.chatKey()).orElse(null);
        Reading reading = read(turn);
        turn.reading(reading);
        if (!(message.content() instanceof Content.Outreach)) { // not written by the customer
            turn.logInbound(MessageLog.inbound(turn, reading)); // written with the turn's end, or when first needed
        }
        if (turn.handoffId != null && !WithPerson.reachesBot(message.content())) {
            withPerson.toPerson(turn, turn.inboundMessageId());
        } else {
            boolean answering = conversation.waiting();
            route(turn, reading);
            withPerson.negative(turn, answering);
        }
        if (turn.handedOver != null) {
            runner.keepForLater(turn, "handoff"); // what the customer said stays, to continue after the person
        }
        withPerson.handedOver(turn);
        startWaitingOutreach(turn);
        runner.offerToResume(turn);
        batch.hold(turn);
    }

    private Reading read(Turn turn) {
        String text = turn.message.content() instanceof Content.Text t ? t.text() : null;
        if (text == null) {
            return Reading.NONE;
        }
        Reading reading =
                interpreter.read(text, turn.customer(), turn.message.sender().languageCode());
        if (reading.language() != null
                && !turn.customer().languageChosen()
                && !reading.language().equals(turn.customer().language())) {
            customers.setLanguage(turn.handle, turn.customer().id(), reading.language(), false);
            turn.customer(turn.customer().withLanguage(reading.language(), false));
        }
        if (Tone.stronglyNegative(reading.sentimentScore(), text)) {
            String why = "strongly negative message (sentiment "
                    + String.format(java.util.Locale.ROOT, "%.2f", reading.sentimentScore()) + ")";
            if (turn.conversation.escalationReason == null) {
                turn.conversation.escalationReason = why;
                turn.event(
                        EngineEvent.ESCALATION_SIGNAL,
                        Map.of("score", reading.sentimentScore(), "intent", String.valueOf(reading.intent())));
            }
            turn.negative = why;
        }
        return reading;
    }

    private void route(Turn turn, Reading reading) {
        Content content = turn.message.content();
        if (content instanceof Content.ButtonPress press) {
            pressed(turn, press);
        } else if (content instanceof Content.Command command) {
            command(turn, command);
        } else if (content instanceof Content.Text text) {
            text(turn, text.text(), reading);
        } else if (content instanceof Content.Media media) {
            media(turn, media);
        } else if (content instanceof Content.SharedContact contact) {
            // The customer directory decides what a shared number means (a link to a known customer, say).
            var shared = customers.contactShared(turn.handle(), turn.customer(), turn.message, contact);
            turn.switchCustomer(shared.customer());
            turn.event(EngineEvent.CONTACT_SHARED, Map.of("phone", contact.phoneNumber(), "outcome", shared.outcome()));
            turn.say(shared.messageKey(), Map.of());
        } else if (content instanceof Content.Edited edited) {
            turn.event(EngineEvent.MESSAGE_EDITED, Map.of("text", edited.text()));
        } else if (content instanceof Content.Outreach outreach) {
            outreach(turn, outreach);
        } else if (content instanceof Content.Membership membership) {
            customers.setBlocked(turn.handle(), turn.message.channel(), turn.message.chatKey(), membership.blocked());
            turn.event(membership.blocked() ? EngineEvent.BOT_BLOCKED : EngineEvent.BOT_UNBLOCKED, Map.of());
        }
    }

    /**
     * Rapport starts a dialogue itself. When the customer is in the middle of another dialogue and
     * was active in it within {@link #DIALOGUE_IDLE}, the outreach waits on the conversation and
     * starts in the turn that ends that dialogue ({@link #startWaitingOutreach}); a dialogue left
     * idle longer is interrupted (the event says so). While a person has the chat, outreach waits
     * until the hand-back — except outreach a staff member's own action started
     * ({@link Content.Outreach#byStaff()}, a resolution note): the person knows of it, so it is said at once.
     */
    private void outreach(Turn turn, Content.Outreach outreach) {
        Conversation conversation = turn.conversation;
        boolean withPerson = turn.handoffId != null;
        if (withPerson && outreach.byStaff()) {
            startOutreach(turn, outreach, false);
            return;
        }
        boolean inDialogue = withPerson
                || conversation.waiting()
                        && !outreach.flow().equals(conversation.flow)
                        && conversation.lastActive != null
                        && conversation.lastActive.isAfter(clock.instant().minus(DIALOGUE_IDLE));
        if (inDialogue) {
            conversation.waitingOutreach.add(outreach);
            conversation.unmoved = true;
            turn.event(
                    EngineEvent.OUTREACH_WAITING,
                    Map.of(
                            "key",
                            outreach.key(),
                            "flow",
                            outreach.flow(),
                            "behind",
                            withPerson ? "handoff" : conversation.flow));
            return;
        }
        startOutreach(turn, outreach, false);
    }

    private void startOutreach(Turn turn, Content.Outreach outreach, boolean waited) {
        Optional<Flow> flow = conversations.flow(outreach.flow());
        if (flow.isEmpty()) {
            // The flow was removed since the outreach was queued: recorded, nothing said.
            turn.event(EngineEvent.OUTREACH_DROPPED, Map.of("key", outreach.key(), "flow", outreach.flow()));
            return;
        }
        turn.event(EngineEvent.OUTREACH, Map.of("key", outreach.key(), "flow", outreach.flow(), "waited", waited));
        runner.start(turn, flow.get(), outreach.slots());
    }

    /**
     * Once no dialogue is waiting for the customer and no person has the chat, outreach that waited
     * starts, oldest first.
     */
    private void startWaitingOutreach(Turn turn) {
        while (turn.handoffId == null && !turn.conversation.waiting() && !turn.conversation.waitingOutreach.isEmpty()) {
            startOutreach(turn, turn.conversation.waitingOutreach.remove(0), true);
        }
    }

    /**
     * A photo, document, voice note... Outside a dialogue it is acknowledged. While a flow waits for an
     * answer it belongs to that dialogue: its reference is appended to slot {@link #ATTACHMENTS} (so
     * an action can keep it with what it records, a complaint say) and acknowledged; its caption then
     * answers a question that takes text, else the question is asked again. Media without a file
     * reference (a location) is only acknowledged.
     */
    private void media(Turn turn, Content.Media media) {
        Optional<Step.Ask> waiting = runner.waitingAsk(turn.conversation);
        boolean kept = waiting.isPresent() && media.fileRef() != null;
        turn.event(
                EngineEvent.MEDIA_RECEIVED,
                Map.of("kind", media.kind(), "file", String.valueOf(media.fileRef()), "kept", kept));
        if (!kept) {
            turn.say("engine.media_received", Map.of("kind", mediaName(turn, media.kind())));
            return;
        }
        String file = media.kind() + ":" + media.fileRef();
        String earlier = turn.slot(ATTACHMENTS);
        turn.setSlot(ATTACHMENTS, earlier == null || earlier.isEmpty() ? file : earlier + "\n" + file);
        turn.say("engine.media_kept", Map.of("kind", mediaName(turn, media.kind())));
        String caption = media.caption();
        if (caption != null && !caption.isBlank() && waiting.get().input() == Step.Input.TEXT) {
            runner.answerText(turn, waiting.get(), caption);
        } else {
            runner.ask(turn, waiting.get());
        }
    }

    /** The word for a kind of media in the customer's language ({@code media.photo}), or a generic one. */
    private static String mediaName(Turn turn, String kind) {
        return turn.text(turn.hasText("media." + kind) ? "media." + kind : "media.file");
    }

    /**
     * A button press counts only when Rapport showed that button in this chat ({@link OfferedButtons}):
     * anything else — a forged web chat post, a crafted callback query — is stale, whatever it names.
     * A {@code go:} button starts only a flow a customer may start (never an internal one).
     */
    private void pressed(Turn turn, Content.ButtonPress press) {
        boolean offered = OfferedButtons.wasOffered(
                turn.handle, turn.message.channel().code(), turn.message.chatKey(), press.data());
        Optional<CallbackData.Parsed> parsed = offered ? CallbackData.parse(press.data()) : Optional.empty();
        if (parsed.isPresent()
                && parsed.get() instanceof CallbackData.StartFlow start
                && conversations.startable(start.flow()).isPresent()) {
            turn.answerButton(press.callbackId(), null);
            runner.start(turn, conversations.startable(start.flow()).get());
            return;
        }
        Optional<Step.Ask> waiting = runner.waitingAsk(turn.conversation);
        if (parsed.isPresent()
                && parsed.get() instanceof CallbackData.Answer answer
                && waiting.isPresent()
                && answer.flow().equals(turn.conversation.flow)
                && answer.step().equals(turn.conversation.step)
                && offers(waiting.get(), answer.value())) {
            turn.answerButton(press.callbackId(), null);
            runner.answer(turn, waiting.get(), answer.value());
            return;
        }
        // A button from an earlier question or another message, or none of Rapport's: say so, and repeat
        // what is being asked now. The data is whatever the sender wrote: kept only where erasure clears it.
        turn.event(EngineEvent.STALE_BUTTON, Map.of("offered", offered, "data", press.data()));
        turn.answerButton(press.callbackId(), "engine.stale_button");
        waiting.ifPresent(ask -> runner.ask(turn, ask));
    }

    /** Only a value the question's own buttons carry is an answer; anything else was not offered. */
    private static boolean offers(Step.Ask ask, String value) {
        return ask.buttons().stream()
                .flatMap(List::stream)
                .anyMatch(button -> !button.startsFlow() && button.value().equals(value));
    }

    private void command(Turn turn, Content.Command command) {
        Optional<Flow> flow = conversations.byCommand(command.name());
        if (flow.isPresent()) {
            turn.conversation.unknownStreak = 0;
            runner.start(turn, flow.get());
        } else {
            notUnderstood(turn, "command /" + command.name());
        }
    }

    /**
     * Outside a flow a text routes by intent. Inside one it answers the waiting question: a text that
     * matches one of its buttons selects it ({@link TypedAnswer}), any other is checked as the answer
     * and the question asked again if it is not one. Only a clear request for a person leaves the
     * dialogue — or any clear intent once the dialogue has been idle past {@link #DIALOGUE_IDLE} (the
     * customer has moved on). A dialogue left this way is kept to be resumed ({@link Resumption}).
     */
    private void text(Turn turn, String text, Reading reading) {
        Optional<Flow> byIntent = reading.intent() == null || PastedCode.looksLikeCode(text)
                ? Optional.empty()
                : conversations.byIntent(reading.intent());
        Optional<Step.Ask> waiting = runner.waitingAsk(turn.conversation);
        Optional<String> typed = waiting.flatMap(ask -> typedAnswer.match(ask, text));
        if (typed.isPresent()) {
            turn.event(
                    EngineEvent.TYPED_ANSWER,
                    Map.of("flow", turn.conversation.flow, "step", waiting.get().id(), "value", typed.get()));
            runner.answer(turn, waiting.get(), typed.get());
            return;
        }
        boolean idle = turn.conversation.lastActive != null
                && turn.conversation.lastActive.isBefore(java.time.Instant.now().minus(DIALOGUE_IDLE));
        boolean interrupts = "ask_human".equals(reading.intent()) || idle;
        if (waiting.isPresent() && !(interrupts && byIntent.isPresent())) {
            runner.answerText(turn, waiting.get(), text);
            return;
        }
        if (byIntent.isPresent()) {
            turn.conversation.unknownStreak = 0;
            // The words that started it are kept: a complaint's first message is its description.
            runner.start(turn, byIntent.get(), Map.of(STARTED_BY_TEXT, text));
            return;
        }
        notUnderstood(turn, "text");
    }

    private void notUnderstood(Turn turn, String what) {
        turn.conversation.unknownStreak++;
        turn.event(EngineEvent.UNKNOWN_INPUT, Map.of("what", what, "streak", turn.conversation.unknownStreak));
        if (turn.conversation.unknownStreak == 2
                && handoffs != HandoffPort.NONE
                && turn.escalate("not_understood", "two messages in a row not understood")) {
            return; // the notice at the end of the turn says a person is coming
        }
        boolean offerPerson = turn.conversation.unknownStreak >= 2
                && conversations.flow("human").isPresent();
        turn.say(
                offerPerson ? "engine.fallback_offer_person" : "engine.fallback",
                runner.buttons(turn, "engine", "fallback", conversations.menu()));
    }
}
