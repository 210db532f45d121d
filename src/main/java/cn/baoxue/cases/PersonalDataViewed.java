package cn.baoxue.cases;

/**
 * Someone read a student's personal data (《个人信息保护法》: minors' data is sensitive): who,
 * which student, on which case, through which view.
 */
public record PersonalDataViewed(Long studentId, Long caseId, String user, String view) {}
