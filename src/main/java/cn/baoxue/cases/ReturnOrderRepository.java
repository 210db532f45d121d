package cn.baoxue.cases;

public interface ReturnOrderRepository extends CaseRecordRepository<ReturnOrder> {}
