package cn.baoxue.reports;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The summary's {@code care} block (结对关爱), counted by {@link CareFigures}.
 *
 * @param pairings pairings of the scope by kind ({@code care.CareKind}), every kind listed
 * @param contacts their contacts by type ({@code cases.ContactType}), every type listed
 * @param fundsYuan total of the {@code FUNDS} contacts
 */
public record CareBlock(Map<String, Long> pairings, Map<String, Long> contacts, BigDecimal fundsYuan) {}
