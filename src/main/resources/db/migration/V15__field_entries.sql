-- 外勤 field app: every entry a phone sends carries an id the phone made up (a UUID) when the
-- user saved it, offline or not. The phone may send it again (no answer came back, the page was
-- closed, the network dropped): the first outcome is kept here and answered again, so an entry is
-- recorded once however often it arrives. Conflicts and refused entries write nothing and leave
-- no row: the user decides, and the entry is sent again with the same id.
create table field_entry (
    client_id    varchar(36)   not null primary key,
    user_id      varchar(64)   not null,
    kind         varchar(16)   not null,
    task_id      varchar(64),
    case_number  varchar(32)   not null,
    outcome      varchar(16)   not null,
    answer       varchar(4000) not null,
    recorded_at  timestamp     not null
);
create index idx_field_entry_case on field_entry (case_number);
