package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionAccessTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    ConnectionAccessTest() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private static ConnectionAccess device(Instant expiresAt, AccessRule... rules) {
        return ConnectionAccess.of(new AuthDecision.Allow(List.of(rules), false, expiresAt));
    }

    private static AccessRule rule(Permission permission, Action action, String... topics) {
        return new AccessRule(permission, action, List.of(topics));
    }

    @Test
    void deviceMayUseItsOwnTopicsAndNothingElse() {
        ConnectionAccess access = device(null, rule(Permission.ALLOW, Action.ALL, "devices/dev-1/#"));

        assertThat(access.mayPublish("devices/dev-1/temp")).isTrue();
        assertThat(access.maySubscribe("devices/dev-1/+/state")).isTrue();
        assertThat(access.mayPublish("devices/dev-2/temp")).isFalse();
        assertThat(access.maySubscribe("devices/dev-2/#")).isFalse();
    }

    @Test
    void denyRuleBeforeAnAllowWins() {
        ConnectionAccess access = device(null,
                rule(Permission.DENY, Action.PUBLISH, "devices/dev-1/admin"),
                rule(Permission.ALLOW, Action.ALL, "devices/dev-1/#"));

        assertThat(access.mayPublish("devices/dev-1/admin")).isFalse();
        assertThat(access.mayPublish("devices/dev-1/data")).isTrue();
    }

    @Test
    void wildcardFilterIsGrantedOnlyWhenARuleCoversItWhole() {
        ConnectionAccess access = device(null,
                rule(Permission.DENY, Action.SUBSCRIBE, "devices/dev-1/secret"),
                rule(Permission.ALLOW, Action.ALL, "devices/dev-1/#"));

        assertThat(access.maySubscribe("#")).isFalse();
        assertThat(access.maySubscribe("+/dev-1/#")).isFalse();
        assertThat(access.maySubscribe("$SYS/#")).isFalse();
        assertThat(access.maySubscribe("devices/dev-1/#")).isFalse();
        assertThat(access.maySubscribe("$share/g/devices/dev-1/#")).isFalse();
        assertThat(access.maySubscribe("devices/dev-1/public/+")).isTrue();
        assertThat(access.maySubscribe("$share/g/devices/dev-1/public/+")).isTrue();
    }

    @Test
    void noRulesDenyEverything() {
        ConnectionAccess access = device(null);

        assertThat(access.mayPublish("a")).isFalse();
        assertThat(access.maySubscribe("a")).isFalse();
        assertThat(access.superuser()).isFalse();
    }

    @Test
    void superuserBypassesRules() {
        ConnectionAccess access = ConnectionAccess.of(new AuthDecision.Allow(
                List.of(rule(Permission.DENY, Action.ALL, "#")), true, null));

        assertThat(access.superuser()).isTrue();
        assertThat(access.mayPublish("anything/at/all")).isTrue();
        assertThat(access.maySubscribe("#")).isTrue();
        assertThat(access.maySubscribe("$SYS/#")).isTrue();
    }

    @Test
    void credentialWithoutExpiryIsNeverScheduled() {
        ConnectionAccess access = device(null, rule(Permission.ALLOW, Action.ALL, "#"));

        assertThat(access.expiresAt()).isEmpty();
        assertThat(access.scheduleExpiry(scheduler, CLOCK, () -> { })).isEmpty();
    }

    @Test
    void expiryIsScheduledAtTheCredentialsExpiry() {
        ConnectionAccess access = device(NOW.plus(Duration.ofHours(1)), rule(Permission.ALLOW, Action.ALL, "#"));

        ScheduledFuture<?> expiry = access.scheduleExpiry(scheduler, CLOCK, () -> { }).orElseThrow();

        assertThat(access.expiresAt()).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(expiry.getDelay(TimeUnit.MILLISECONDS))
                .isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());
        expiry.cancel(false);
    }

    @Test
    void alreadyExpiredCredentialDisconnectsAtOnce() throws InterruptedException {
        ConnectionAccess access = device(NOW.minusSeconds(5), rule(Permission.ALLOW, Action.ALL, "#"));
        CountDownLatch disconnected = new CountDownLatch(1);

        access.scheduleExpiry(scheduler, CLOCK, disconnected::countDown);

        assertThat(disconnected.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void renewalReplacesTheRules() {
        ConnectionAccess access = device(null, rule(Permission.ALLOW, Action.ALL, "devices/dev-1/#"));

        access.renew(new AuthDecision.Allow(List.of(rule(Permission.ALLOW, Action.ALL, "fleet/#")), false, null));

        assertThat(access.mayPublish("fleet/north/status")).isTrue();
        assertThat(access.maySubscribe("fleet/#")).isTrue();
        assertThat(access.mayPublish("devices/dev-1/temp")).isFalse();
    }

    @Test
    void renewalToASuperuserLiftsEveryRule() {
        ConnectionAccess access = device(null);

        access.renew(new AuthDecision.Allow(List.of(), true, null));

        assertThat(access.superuser()).isTrue();
        assertThat(access.mayPublish("any/topic")).isTrue();
    }

    @Test
    void renewalMovesTheExpiryTimerToTheNewExpiry() {
        ConnectionAccess access = device(NOW.plus(Duration.ofHours(1)), rule(Permission.ALLOW, Action.ALL, "#"));
        ScheduledFuture<?> first = access.scheduleExpiry(scheduler, CLOCK, () -> { }).orElseThrow();

        access.renew(new AuthDecision.Allow(List.of(), false, NOW.plus(Duration.ofHours(3))));

        assertThat(first.isCancelled()).isTrue();
        assertThat(access.expiresAt()).contains(NOW.plus(Duration.ofHours(3)));
        assertThat(scheduler.getQueue()).singleElement().satisfies(timer -> assertThat(
                ((Delayed) timer).getDelay(TimeUnit.MILLISECONDS))
                .isBetween(Duration.ofMinutes(179).toMillis(), Duration.ofHours(3).toMillis()));
    }

    @Test
    void renewalWithoutExpiryStopsTheTimer() {
        ConnectionAccess access = device(NOW.plus(Duration.ofHours(1)), rule(Permission.ALLOW, Action.ALL, "#"));
        ScheduledFuture<?> first = access.scheduleExpiry(scheduler, CLOCK, () -> { }).orElseThrow();

        access.renew(new AuthDecision.Allow(List.of(), false, null));

        assertThat(first.isCancelled()).isTrue();
        assertThat(access.expiresAt()).isEmpty();
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void renewalGivingAnExpiryToACredentialThatHadNoneSchedulesIt() throws InterruptedException {
        ConnectionAccess access = device(null, rule(Permission.ALLOW, Action.ALL, "#"));
        CountDownLatch disconnected = new CountDownLatch(1);
        assertThat(access.scheduleExpiry(scheduler, CLOCK, disconnected::countDown)).isEmpty();

        access.renew(new AuthDecision.Allow(List.of(), false, NOW.minusSeconds(1)));

        assertThat(disconnected.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void renewalBeforeSchedulingSchedulesNothing() {
        ConnectionAccess access = device(null, rule(Permission.ALLOW, Action.ALL, "#"));

        access.renew(new AuthDecision.Allow(List.of(), false, NOW.plusSeconds(60)));

        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void cancelledExpiryIsNotRescheduledByALaterRenewal() {
        ConnectionAccess access = device(NOW.plus(Duration.ofHours(1)), rule(Permission.ALLOW, Action.ALL, "#"));
        ScheduledFuture<?> first = access.scheduleExpiry(scheduler, CLOCK, () -> { }).orElseThrow();

        access.cancelExpiry();
        access.renew(new AuthDecision.Allow(List.of(), false, NOW.plus(Duration.ofHours(2))));

        assertThat(first.isCancelled()).isTrue();
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void delayedPublishIsAllowedExactlyWhereAnImmediateOneIs() {
        ConnectionAccess access = device(null, rule(Permission.ALLOW, Action.ALL, "devices/dev-1/#"));

        assertThat(access.mayPublish("$delayed/30/devices/dev-1/reminder")).isTrue();
        assertThat(access.mayPublish("$delayed/30/devices/dev-2/reminder")).isFalse();
        assertThat(access.mayPublish("$delayed/soon/devices/dev-1/reminder")).isFalse();
    }

    @Test
    void dollarTopicsAreRefusedUnlessARuleNamesThem() {
        ConnectionAccess everything = device(null, rule(Permission.ALLOW, Action.ALL, "#"));
        ConnectionAccess named = device(null, rule(Permission.ALLOW, Action.PUBLISH, "$SYS/broker/#"),
                rule(Permission.ALLOW, Action.ALL, "#"));

        assertThat(everything.mayPublish("$SYS/broker/load")).isFalse();
        assertThat(everything.mayPublish("$internal/x")).isFalse();
        assertThat(everything.mayPublish("$delayed/5/$SYS/broker/load")).isFalse();
        assertThat(everything.mayPublish("$delayed/5/any/topic")).isTrue();
        assertThat(named.mayPublish("$SYS/broker/load")).isTrue();
        assertThat(named.mayPublish("$internal/x")).isFalse();
    }
}
