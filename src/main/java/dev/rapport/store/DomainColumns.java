package dev.rapport.store;

import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Binds and reads the domain types as the codes the database stores ({@code key}, {@code zh},
 * {@code telegram}), so SQL binds a {@link Tier} and maps a {@code tier} column to one without
 * string handling in between. A column holding an unknown code fails the query, naming it.
 * Stateless; thread-safe.
 */
final class DomainColumns implements JdbiPlugin {

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        register(jdbi, Tier.class, Tier::code, Tier::of);
        register(jdbi, Language.class, Language::code, Language::of);
        register(jdbi, Channel.class, Channel::code, Channel::of);
    }

    private static <T> void register(Jdbi jdbi, Class<T> type, Function<T, String> code, Function<String, T> parse) {
        jdbi.registerArgument((ArgumentFactory.Preparable) new ArgumentFactory.Preparable() {
            @Override
            public Optional<Function<Object, Argument>> prepare(Type given, ConfigRegistry config) {
                if (given != type) {
                    return Optional.empty();
                }
                return Optional.of(value -> value == null
                        ? (position, statement, context) -> statement.setNull(position, Types.VARCHAR)
                        : (position, statement, context) ->
                                statement.setString(position, code.apply(type.cast(value))));
            }
        });
        jdbi.registerColumnMapper(type, (rs, column, context) -> {
            String stored = rs.getString(column);
            return stored == null ? null : parse.apply(stored);
        });
    }
}
