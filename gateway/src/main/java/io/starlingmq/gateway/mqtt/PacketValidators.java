package io.starlingmq.gateway.mqtt;

import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.validation.PublishContentRules;
import io.starlingmq.gateway.validation.PublishValidator;
import io.starlingmq.gateway.validation.SubscribeValidator;
import io.starlingmq.gateway.validation.TopicLimits;
import io.starlingmq.gateway.validation.UnsubscribeValidator;

/**
 * The validators all connections share: they hold only configuration, so one instance of each serves
 * every connection instead of a set per connection (an idle connection's footprint bounds a gateway).
 */
record PacketValidators(PublishValidator publish5, PublishValidator publish3, PublishContentRules content,
        SubscribeValidator subscribe, UnsubscribeValidator unsubscribe) {

    static PacketValidators of(GatewayConfig config) {
        TopicLimits limits = new TopicLimits(config.maxTopicLevels(), config.maxTopicLength());
        return new PacketValidators(new PublishValidator(config.topicAliasMaximum()), new PublishValidator(0),
                new PublishContentRules(limits), new SubscribeValidator(limits), new UnsubscribeValidator());
    }

    /** MQTT 5 clients may use topic aliases up to the configured maximum; 3.1.1 clients have none. */
    PublishValidator publish(boolean mqtt5) {
        return mqtt5 ? publish5 : publish3;
    }
}
