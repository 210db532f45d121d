package cn.baoxue.reports;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The summary's {@code disabledPlacement} block (残疾儿童安置, 庆阳市's 484: 326 随班就读, 33
 * 特教学校, 125 送教上门), counted by {@link DisabledPlacementFigures}: the disabled children of the
 * scope registered by the end of the range, by the placement decided by then.
 *
 * @param inclusiveClass 随班就读
 * @param specialSchool 特教学校
 * @param homeDelivered 送教上门
 * @param deferred 延缓入学
 * @param notAssessed registered, not yet assessed by the expert committee
 * @param children all of them
 * @param visitsDelivered 送教上门 visits logged for them, dated in the range
 * @param visitsPlanned visits planned for the 送教上门 children over the monthly periods that overlap
 *     the range and have begun ({@code placement.HomeDeliveryPlan})
 */
public record DisabledPlacementBlock(
    @JsonProperty("INCLUSIVE_CLASS") long inclusiveClass,
    @JsonProperty("SPECIAL_SCHOOL") long specialSchool,
    @JsonProperty("HOME_DELIVERED") long homeDelivered,
    @JsonProperty("DEFERRED") long deferred,
    @JsonProperty("NOT_ASSESSED") long notAssessed,
    long children,
    long visitsDelivered,
    long visitsPlanned) {}
