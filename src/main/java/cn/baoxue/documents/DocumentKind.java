package cn.baoxue.documents;

/** The documents a case produces, with their Chinese titles. */
public enum DocumentKind {
  RETURN_ORDER("责令限期复学通知书"),
  LEGAL_REFERRAL("依法控辍移送函"),
  PERSUASION_RECORD("辍学学生劝返工作记录表");

  private final String title;

  DocumentKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
