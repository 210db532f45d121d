package cn.baoxue.cases;

public interface ClosureReviewRepository extends CaseRecordRepository<ClosureReview> {}
