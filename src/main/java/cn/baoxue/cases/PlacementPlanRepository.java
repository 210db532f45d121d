package cn.baoxue.cases;

public interface PlacementPlanRepository extends CaseRecordRepository<PlacementPlan> {}
