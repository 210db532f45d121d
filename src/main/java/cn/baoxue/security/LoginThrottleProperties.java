package cn.baoxue.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@link LoginThrottle} slows failed logins, each counted within the window. Per user name
 * from one address (guessing one account's password): the first {@code maxFailuresPerUser}
 * failures cost nothing, then each further attempt waits {@code delayBase}, doubling per failure up
 * to {@code delayMax}. Per address over all names (trying one password on many accounts): after
 * {@code maxFailuresPerAddress} failures the address waits until its failures leave the window.
 */
@ConfigurationProperties("baoxue.security.login-throttle")
record LoginThrottleProperties(
    int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, Duration delayBase, Duration delayMax) {}
