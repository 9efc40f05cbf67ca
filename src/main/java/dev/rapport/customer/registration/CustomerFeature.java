package dev.rapport.customer.registration;

import dev.rapport.customer.ConsentActions;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.customer.Customers;
import dev.rapport.customer.LinkAction;
import dev.rapport.customer.LinkTokens;
import dev.rapport.customer.importing.PurchaseApi;
import dev.rapport.customer.tier.Tiers;
import dev.rapport.engine.Action;
import dev.rapport.feature.ApiRoute;
import dev.rapport.feature.Feature;
import dev.rapport.schedule.Job;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Customers as {@code App} registers them: settings from {@code config/tiers.yaml}, the consent,
 * language and deep-link actions, the nightly job {@code tiers.recompute}, the purchases API, and the
 * customer directory the engine resolves chats with. A package of its own, so the customer core
 * depends on none of its sub-packages (importing, tier). Immutable; thread-safe.
 */
public final class CustomerFeature implements Feature {

    private final Customers customers;
    private final List<Action> actions;
    private final List<Job> jobs;
    private final List<ApiRoute> apiRoutes;

    private CustomerFeature(
            CustomerSettings settings, Customers customers, Jdbi jdbi, ZoneId businessZone, Clock clock) {
        this.customers = customers;
        List<Action> all = new ArrayList<>(ConsentActions.all(customers));
        all.add(new LinkAction(new LinkTokens(settings.linkValidity(), clock)));
        this.actions = List.copyOf(all);
        this.jobs = List.of(new Tiers(jdbi, settings, clock).job(businessZone));
        this.apiRoutes = List.of(new PurchaseApi(jdbi, businessZone).route());
    }

    /** Reads and checks the settings file (defaults when it is missing); a wrong value stops the start. */
    public static CustomerFeature create(
            Path settingsFile, Customers customers, Jdbi jdbi, ZoneId businessZone, Clock clock) {
        return new CustomerFeature(CustomerSettings.load(settingsFile), customers, jdbi, businessZone, clock);
    }

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public List<Action> actions() {
        return actions;
    }

    @Override
    public List<Job> jobs() {
        return jobs;
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return apiRoutes;
    }

    @Override
    public Set<String> messageKeys() {
        return Customers.MESSAGE_KEYS;
    }
}
