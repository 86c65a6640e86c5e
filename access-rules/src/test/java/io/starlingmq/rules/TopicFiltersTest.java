package io.starlingmq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicFiltersTest {

    @Test
    void multiLevelWildcardCoversItsParentAndEveryDescendant() {
        assertThat(TopicFilters.covers("a/#", "a")).isTrue();
        assertThat(TopicFilters.covers("a/#", "a/b/c")).isTrue();
        assertThat(TopicFilters.covers("a/#", "a/+/c")).isTrue();
        assertThat(TopicFilters.covers("a/#", "a/#")).isTrue();
        assertThat(TopicFilters.covers("a/#", "b")).isFalse();
    }

    @Test
    void singleLevelWildcardCoversOneLevelButNotAMultiLevelOne() {
        assertThat(TopicFilters.covers("a/+", "a/b")).isTrue();
        assertThat(TopicFilters.covers("a/+", "a/+")).isTrue();
        assertThat(TopicFilters.covers("a/+", "a/#")).isFalse();
        assertThat(TopicFilters.covers("a/+", "a/b/c")).isFalse();
    }

    @Test
    void literalRuleDoesNotCoverAWildcard() {
        assertThat(TopicFilters.covers("a/b", "a/+")).isFalse();
        assertThat(TopicFilters.covers("a/b", "a/b")).isTrue();
    }

    @Test
    void leadingWildcardNeverReachesDollarTopics() {
        assertThat(TopicFilters.matches("#", "$SYS/x")).isFalse();
        assertThat(TopicFilters.matches("+/x", "$SYS/x")).isFalse();
        assertThat(TopicFilters.matches("$SYS/#", "$SYS/x")).isTrue();
        assertThat(TopicFilters.intersects("#", "$SYS/#")).isFalse();
    }

    @Test
    void overlappingFiltersIntersect() {
        assertThat(TopicFilters.intersects("a/+/c", "a/b/#")).isTrue();
        assertThat(TopicFilters.intersects("a/b", "a/#")).isTrue();
        assertThat(TopicFilters.intersects("a", "a/#")).isTrue();
        assertThat(TopicFilters.intersects("a/b", "a/c")).isFalse();
        assertThat(TopicFilters.intersects("a/+", "a/b/c")).isFalse();
    }

    @Test
    void malformedFiltersAreInvalid() {
        assertThat(TopicFilters.isValidFilter("a/#/b")).isFalse();
        assertThat(TopicFilters.isValidFilter("a/b#")).isFalse();
        assertThat(TopicFilters.isValidFilter("a/b+/c")).isFalse();
        assertThat(TopicFilters.isValidFilter("")).isFalse();
        assertThat(TopicFilters.isValidFilter("a//b")).isTrue();
    }
}
