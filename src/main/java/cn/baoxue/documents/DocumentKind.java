package cn.baoxue.documents;

/** The documents a case produces, with their Chinese titles. */
public enum DocumentKind {
  RETURN_ORDER("责令限期复学通知书"),
  LEGAL_REFERRAL("依法控辍移送函"),
  PERSUASION_RECORD("辍学学生劝返工作记录表"),
  /** 协查函: to a county outside the deployment, asking it to help bring the child back to school (外地协查). */
  ASSISTANCE_LETTER("协查函");

  private final String title;

  DocumentKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
