-- Children without papers (无身份证号): a child found by 铁脚板摸排 with no 身份证号 is registered
-- under a provisional number Baoxue issues, T + the county's code + an 11-digit sequence of that
-- county (never a 身份证号, which has no letter in front; 18 characters, so it fits id_number).
-- provisional_number keeps it after the real number is recorded, so her earlier papers still
-- find her; birth_date_estimated marks the estimated birth date of a child without papers (the
-- family's memory, perhaps the month only, stored as its 1st), checked to the month against her number.
alter table student add column provisional_number varchar(18);
alter table student add column birth_date_estimated boolean default false not null;
alter table student add column id_number_recorded_by varchar(64);
alter table student add column id_number_recorded_at timestamp;
create unique index idx_student_provisional_number on student (provisional_number);

-- The last provisional number issued in each county.
create table provisional_number_counter (
    county_code varchar(12) not null primary key,
    last_value  bigint      not null
);
