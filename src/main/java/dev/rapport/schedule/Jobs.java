package dev.rapport.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The features' recurring {@link Job}s on db-scheduler (table {@code scheduled_tasks}). Never
 * in-memory timers: schedules live in PostgreSQL and are cluster-safe. Thread-safe.
 */
public final class Jobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final Map<String, Job> byName;
    private final Scheduler scheduler;

    public Jobs(DataSource dataSource, List<Job> jobs, Duration pollingInterval) {
        this.byName = jobs.stream()
                .collect(Collectors.toMap(
                        Job::name,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalArgumentException("Two jobs are named '" + a.name() + "'");
                        },
                        java.util.LinkedHashMap::new));
        List<RecurringTask<Void>> tasks = jobs.stream().map(Jobs::task).toList();
        // startTasks also makes them known tasks; naming them in create() too registers each twice.
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .threads(Math.max(1, Math.min(4, jobs.size())))
                .pollingInterval(pollingInterval)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    private static RecurringTask<Void> task(Job job) {
        return Tasks.recurring(job.name(), job.schedule()).execute((instance, context) -> {
            try {
                job.work().run();
            } catch (RuntimeException e) {
                log.warn("Job {} failed; it runs again at its next time: {}", job.name(), e.toString(), e);
                throw e;
            }
        });
    }

    public void start() {
        if (!byName.isEmpty()) {
            scheduler.start();
        }
    }

    /** Runs a job now, on the calling thread (the CLI and tests use this). */
    public void runNow(String name) {
        Job job = byName.get(name);
        if (job == null) {
            throw new IllegalArgumentException("No job named '" + name + "'; jobs: " + byName.keySet());
        }
        job.work().run();
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }

    @Override
    public void close() {
        if (!byName.isEmpty()) {
            scheduler.stop();
        }
    }
}
