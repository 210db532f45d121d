package cn.baoxue.cases;

public interface ContactLogRepository extends CaseRecordRepository<ContactLog> {}
