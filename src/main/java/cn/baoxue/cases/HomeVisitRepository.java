package cn.baoxue.cases;

public interface HomeVisitRepository extends CaseRecordRepository<HomeVisit> {}
