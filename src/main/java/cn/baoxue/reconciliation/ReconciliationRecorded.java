package cn.baoxue.reconciliation;

/** A reconciliation run was kept: the audit chain records it in the run's transaction. */
public record ReconciliationRecorded(long runId, String actor, String payload) {}
