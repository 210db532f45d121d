package cn.baoxue.escalation;

/** Published in the transaction that records an escalation. */
public record EscalationRecorded(Escalation escalation) {}
