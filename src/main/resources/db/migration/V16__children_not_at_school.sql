-- A child found out of school with no 学籍 (by comparing registries, or by the door-to-door search)
-- has no school and no grade: her case is worked by the township of her home village until she
-- is placed. Existing rows keep their school and grade.
alter table student alter column school_code drop not null;
alter table student alter column grade drop not null;
alter table dropout_case alter column school_code drop not null;
alter table dropout_case alter column grade drop not null;
