package cn.baoxue.cases;

/** Someone exported a list holding students' personal data: who, which view, with which filter, how many rows. */
public record PersonalDataExported(String user, String view, String filter, int rows, boolean inFull) {}
