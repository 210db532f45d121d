-- The summary report groups a county's cases by the child's sex and by where each child was
-- placed. Both were joined in from other tables (every student of the province, every placement
-- plan), which took the county summary past a second at a million cases. The case now keeps the
-- child's sex as reported, like the grade and the special groups, and its current placement,
-- which a new placement plan replaces after a re-dropout.
alter table dropout_case add column gender varchar(1);
alter table dropout_case add column placement varchar(32);

update dropout_case set gender = (select s.gender from student s where s.id = dropout_case.student_id);
update dropout_case set placement = (
    select p.placement from placement_plan p
    where p.case_id = dropout_case.id
      and not exists (select 1 from placement_plan later where later.case_id = p.case_id and later.id > p.id));

alter table dropout_case alter column gender set not null;
