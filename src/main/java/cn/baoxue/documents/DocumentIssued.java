package cn.baoxue.documents;

/** Published in the transaction that stores an issued document. */
public record DocumentIssued(CaseDocument document) {}
