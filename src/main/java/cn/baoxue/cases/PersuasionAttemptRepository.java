package cn.baoxue.cases;

public interface PersuasionAttemptRepository extends CaseRecordRepository<PersuasionAttempt> {}
