package cn.baoxue.cases;

public interface FollowUpRepository extends CaseRecordRepository<FollowUp> {}
