package cn.baoxue.evidence;

/**
 * Where the bytes of evidence live. The database store is the default (transactional, in the
 * backup); an object store implements the same two calls and names itself by {@link #kind()}, which
 * each item records, so items stored before a change of store stay readable.
 */
public interface EvidenceStore {

  /** Recorded in {@code evidence_item.storage_kind}. */
  String kind();

  /** Keeps the bytes of a saved item; returns the key it keeps them under, or null if the row is the key. */
  String put(EvidenceItem item, byte[] content);

  byte[] get(EvidenceItem item);
}
