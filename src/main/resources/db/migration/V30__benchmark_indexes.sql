-- Indexes the benchmarks found missing (docs/benchmarks.md). Portable SQL: H2 and PostgreSQL.

-- Every authorization check of the engine (each task query, claim and completion of a logged-in
-- user) selects the grants of the user OR of her groups. Camunda indexes GROUP_ID_ only, so the
-- user half made each check read the whole table: one row per open task and candidate, 100,000s
-- at a province's scale. With both halves indexed the check is a bitmap OR of two index scans.
create index bx_idx_auth_user on act_ru_authorization (user_id_);
