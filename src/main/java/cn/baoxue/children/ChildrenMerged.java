package cn.baoxue.children;

/**
 * Published in the transaction of a merge, so that it joins the audit chain there. {@code detail}
 * names both records, who merged them and every row moved or left, enough to reverse it by hand.
 */
public record ChildrenMerged(long mergeId, long keptChildId, long mergedChildId, String actor, String detail) {}
