package cn.baoxue.cases;

public interface HelperAssignmentRepository extends CaseRecordRepository<HelperAssignment> {}
