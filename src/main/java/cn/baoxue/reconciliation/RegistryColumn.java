package cn.baoxue.reconciliation;

import cn.baoxue.web.UploadedTable;

/** A column of a registry file: its Chinese header, and the key that names it in a refusal. */
interface RegistryColumn extends UploadedTable.Column {

  /** The field key of a refusal ({@code household[12].idNumber}). */
  String key();
}
