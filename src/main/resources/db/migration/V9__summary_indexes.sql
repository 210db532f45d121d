-- The county summary at a million cases (TaskListBenchmark, docs/benchmarks.md). A county's cases
-- lie scattered over the whole case table, so reading their rows read most of its pages (0.45 s);
-- this index holds every column the summary groups by, and the case id its home-visit count joins
-- on, so the database answers from the index alone (0.07 s). Children are counted per village by
-- their enrolment status in the same way (0.5 s -> 0.03 s); the new index serves every lookup by
-- village that the old one did.
create index idx_case_county_summary on dropout_case
    (county_code, reported_at, gender, reason, grade, status, verify_result, placement, special_groups, id);

create index idx_student_village_status on student (village_code, enrolment_status);
drop index idx_student_village;
