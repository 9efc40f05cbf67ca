package dev.rapport.customer;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;
import dev.rapport.engine.CustomerDirectory;
import dev.rapport.engine.CustomerView;
import dev.rapport.store.EventLog;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Customers and the chats linked to them. A chat seen for the first time gets a new customer (tier
 * small until purchases say otherwise), speaking Chinese when the channel says the person's
 * language starts with {@code zh}, else English. Stateless; thread-safe.
 */
public final class Customers implements CustomerDirectory {

    /** A chat's account row with its customer. */
    record Account(
            CustomerView customer, String username, String firstName, String languageCode, boolean unreachable) {}

    /**
     * Maps {@link #find}'s columns by position, on purpose: it runs on every turn. A reflective mapper
     * ({@code ConstructorMapper.of}) inspects the record anew for each query, a quarter of a turn's CPU
     * in a profile, and reads by position skip a name lookup per value. Elsewhere rows are read by
     * column name; here the SELECT's column order and this list must change together.
     */
    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(
            new CustomerView(
                    rs.getLong(1),
                    rs.getString(2),
                    Language.of(rs.getString(3)),
                    rs.getBoolean(4),
                    Tier.of(rs.getString(5)),
                    rs.getBoolean(6)),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getBoolean(10));

    @Override
    public CustomerView resolve(Handle handle, InboundMessage message) {
        return resolve(handle, message, find(handle, message.channel(), message.chatKey()));
    }

    @Override
    public ReadAhead readAhead(Handle handle, List<String> channels, List<String> chatKeys) {
        var accounts = new HashMap<String, Account>();
        handle.createQuery("""
                        SELECT c.id, c.name, c.language, c.language_chosen, c.tier,
                               c.opted_out_at IS NOT NULL AS opted_out, a.username, a.first_name, a.language_code,
                               a.unreachable_at IS NOT NULL AS unreachable, a.channel, a.chat_key
                        FROM unnest(:channels, :chatKeys) AS chat(channel, chat_key)
                        JOIN channel_accounts a ON a.channel = chat.channel AND a.chat_key = chat.chat_key
                        JOIN customers c ON c.id = a.customer_id""")
                .bindArray("channels", String.class, channels.toArray())
                .bindArray("chatKeys", String.class, chatKeys.toArray())
                .map((rs, ctx) -> Map.entry(key(rs.getString(11), rs.getString(12)), ACCOUNT.map(rs, ctx)))
                .forEach(entry -> accounts.put(entry.getKey(), entry.getValue()));
        var read = new HashSet<String>();
        for (int i = 0; i < channels.size(); i++) {
            read.add(key(channels.get(i), chatKeys.get(i)));
        }
        return new ReadAhead() {
            @Override
            public boolean covers(String channel, String chatKey) {
                return read.contains(key(channel, chatKey));
            }

            @Override
            public Long customerId(String channel, String chatKey) {
                Account account = accounts.get(key(channel, chatKey));
                return account == null ? null : account.customer().id();
            }

            @Override
            public CustomerView resolve(Handle handle, InboundMessage message) {
                return Customers.this.resolve(
                        handle,
                        message,
                        Optional.ofNullable(accounts.get(key(message.channel().code(), message.chatKey()))));
            }
        };
    }

    private static String key(String channel, String chatKey) {
        return channel + "/" + chatKey;
    }

    /** The customer behind the message's chat, from the chat's account as read ({@code found}). */
    private CustomerView resolve(Handle handle, InboundMessage message, Optional<Account> found) {
        var sender = message.sender();
        if (found.isEmpty()) {
            return create(handle, message);
        }
        Account account = found.get();
        boolean wroteToUs =
                !(message.content() instanceof Content.Membership) && !(message.content() instanceof Content.Outreach);
        if (changed(account.username(), sender.username())
                || changed(account.firstName(), sender.firstName())
                || changed(account.languageCode(), sender.languageCode())
                || account.unreachable() && wroteToUs) {
            handle.createUpdate("""
                            UPDATE channel_accounts SET username = coalesce(:username, username),
                                   first_name = coalesce(:firstName, first_name),
                                   language_code = coalesce(:languageCode, language_code),
                                   unreachable_at = CASE WHEN :reachable THEN NULL ELSE unreachable_at END,
                                   unreachable_reason = CASE WHEN :reachable THEN NULL ELSE unreachable_reason END
                            WHERE channel = :channel AND chat_key = :chatKey""")
                    .bind("username", sender.username())
                    .bind("firstName", sender.firstName())
                    .bind("languageCode", sender.languageCode())
                    .bind("reachable", wroteToUs)
                    .bind("channel", message.channel())
                    .bind("chatKey", message.chatKey())
                    .execute();
        }
        return account.customer();
    }

    private static boolean changed(String stored, String given) {
        return given != null && !Objects.equals(stored, given);
    }

    private static Optional<Account> find(Handle handle, Channel channel, String chatKey) {
        return handle.createQuery("""
                        SELECT c.id, c.name, c.language, c.language_chosen, c.tier,
                               c.opted_out_at IS NOT NULL AS opted_out, a.username, a.first_name, a.language_code,
                               a.unreachable_at IS NOT NULL AS unreachable
                        FROM channel_accounts a JOIN customers c ON c.id = a.customer_id
                        WHERE a.channel = :channel AND a.chat_key = :chatKey""")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .map(ACCOUNT)
                .findOne();
    }

    private static CustomerView create(Handle handle, InboundMessage message) {
        var sender = message.sender();
        Language language = languageOf(sender.languageCode());
        long id = handle.createQuery("INSERT INTO customers (name, language) VALUES (:name, :language) RETURNING id")
                .bind("name", sender.firstName())
                .bind("language", language)
                .mapTo(Long.class)
                .one();
        handle.createUpdate("""
                        INSERT INTO channel_accounts (channel, chat_key, customer_id, user_ref, username, first_name,
                                                      language_code)
                        VALUES (:channel, :chatKey, :customerId, :userRef, :username, :firstName, :languageCode)""")
                .bind("channel", message.channel())
                .bind("chatKey", message.chatKey())
                .bind("customerId", id)
                .bind("userRef", sender.userRef())
                .bind("username", sender.username())
                .bind("firstName", sender.firstName())
                .bind("languageCode", sender.languageCode())
                .execute();
        EventLog.record(
                handle,
                CustomerEvent.FIRST_CONTACT,
                message.channel().code(),
                message.chatKey(),
                id,
                Map.of("language", language));
        return new CustomerView(id, sender.firstName(), language, false, Tier.SMALL, false);
    }

    /** Telegram's language_code (an IETF tag such as {@code zh-hans}) to the language Rapport speaks. */
    static Language languageOf(String languageCode) {
        return languageCode != null
                        && languageCode.toLowerCase(java.util.Locale.ROOT).startsWith("zh")
                ? Language.ZH
                : Language.EN;
    }

    @Override
    public void setLanguage(Handle handle, long customerId, Language language, boolean chosen) {
        handle.createUpdate("""
                        UPDATE customers SET language = :language, language_chosen = language_chosen OR :chosen
                        WHERE id = :id""")
                .bind("language", language)
                .bind("chosen", chosen)
                .bind("id", customerId)
                .execute();
    }

    @Override
    public void setBlocked(Handle handle, Channel channel, String chatKey, boolean blocked) {
        handle.createUpdate("""
                        UPDATE channel_accounts
                        SET unreachable_at = CASE WHEN :blocked THEN now() END,
                            unreachable_reason = CASE WHEN :blocked THEN 'the customer blocked the bot' END
                        WHERE channel = :channel AND chat_key = :chatKey""")
                .bind("blocked", blocked)
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .execute();
    }

    /** The message keys {@link #contactShared} answers with; declared to the flow loader. */
    public static final java.util.Set<String> MESSAGE_KEYS = java.util.Set.of(
            "customer.phone_linked",
            "customer.phone_already_linked",
            "customer.phone_unknown",
            "customer.phone_not_own");

    /** Telegram shares numbers in international form, so no default country code is needed here. */
    private static final PhoneNumbers SHARED_NUMBERS = new PhoneNumbers(0);

    /**
     * Links the chat to the customer whose phone (E.164) is the shared one. Only the person's own
     * number counts — the contact button shares it with their user id; a contact picked from the
     * address book carries someone else's id or none, and cannot take over a customer's record.
     */
    @Override
    public ContactOutcome contactShared(
            Handle handle, CustomerView current, InboundMessage message, Content.SharedContact contact) {
        if (contact.userRef() == null
                || !contact.userRef().equals(message.sender().userRef())) {
            return new ContactOutcome(current, "not_own", "customer.phone_not_own");
        }
        Optional<Long> owner = SHARED_NUMBERS
                .normaliseInternational(contact.phoneNumber())
                .flatMap(phone -> handle.createQuery("""
                                SELECT id FROM customers WHERE phone = :phone AND merged_into IS NULL AND erased_at IS NULL""")
                        .bind("phone", phone)
                        .mapTo(Long.class)
                        .findOne());
        if (owner.isEmpty()) {
            return new ContactOutcome(current, "unknown", "customer.phone_unknown");
        }
        if (owner.get() == current.id()) {
            return new ContactOutcome(current, "already", "customer.phone_already_linked");
        }
        return new ContactOutcome(
                ChatLinks.link(handle, current, message, owner.get(), "phone"), "linked", "customer.phone_linked");
    }
}
