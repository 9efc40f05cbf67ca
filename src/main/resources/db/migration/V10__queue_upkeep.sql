-- The inbox and the outbox are queues: each row is inserted, updated a few times within seconds and
-- then left alone. Under load their partial "pending" indexes fill with entries of rows that are no
-- longer pending; until a vacuum removes them, every claim walks them, and a planner with stale
-- statistics picks bitmap scans that cannot skip them (measured: a 16-row outbox claim touching 15,000
-- buffers, 9 ms). Vacuum and analyse these two tables after a fixed number of changed rows instead of
-- a share of the table, without the cost delay that spreads vacuum work out.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
                        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000,
                        autovacuum_vacuum_cost_delay = 0);
ALTER TABLE inbound_updates SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
                                 autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000,
                                 autovacuum_vacuum_cost_delay = 0);

-- The claim's "is a row of this chat being sent" check is answered by outbox_chat_pending, per chat,
-- in a plain index scan that marks dead entries as it passes. This index of all leased rows made the
-- planner scan every leased row ever written, once per candidate.
DROP INDEX outbox_leased;
