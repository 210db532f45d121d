package cn.baoxue.enrolment;

/**
 * A step of a 转学申请 for the audit trail: asked ({@code PENDING}), granted, refused or withdrawn,
 * by whom, with the facts of the step (codes and ids, no names) in {@code detail}.
 */
public record TransferRecorded(long requestId, TransferStatus step, String actor, String detail) {}
