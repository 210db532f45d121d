package cn.baoxue.evidence;

/** Published in the transaction that stores an item, so that its hash joins the audit chain there. */
public record EvidenceAdded(EvidenceItem item) {}
