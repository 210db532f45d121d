package cn.baoxue.referral;

/** A step of a referral recorded (sent, accepted, rejected, closed), for the audit chain, in its transaction. */
public record ReferralRecorded(Long stepId, Long caseId, String actor, String payload) {}
