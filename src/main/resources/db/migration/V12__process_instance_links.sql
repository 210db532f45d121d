-- Every step of a case finds its case through the process instance the intake linked it to
-- (CaseOfProcess), and every 督办 its escalation through the supervision process started for it:
-- one lookup per completion, so both links are indexed. Unique: one case per process instance and
-- one escalation per 督办 process (the links are written once, by the intake and the escalation).
-- Every existing case is linked already: the intake has written the link in the transaction that
-- opens the case since the first release.
create unique index idx_case_process_instance on dropout_case (process_instance_id);
create unique index idx_escalation_supervision_process on escalation (supervision_process_id);
