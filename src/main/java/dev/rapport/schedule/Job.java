package dev.rapport.schedule;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/**
 * A piece of recurring work a feature registers: an SLA check, the follow-up survey sweep, the
 * nightly tier recalculation, a campaign's next sends. Runs on the Postgres-backed scheduler, so
 * across all Rapport instances at most one runs a given job at a time, and a run missed while
 * everything was stopped happens after the next start.
 *
 * <p>Contract for {@code work}: it finds what is due in the database itself (rows whose time has
 * come) and is idempotent, so a run repeated after a crash, or run by hand with
 * {@code App#runJob}, does no harm. It must not depend on how often it runs.
 *
 * @param name     unique, lower case with dots ({@code complaint.sla_check})
 * @param schedule when to run: {@code FixedDelay.of(Duration)} or {@code Schedules.daily(LocalTime)}
 */
public record Job(String name, Schedule schedule, Runnable work) {}
