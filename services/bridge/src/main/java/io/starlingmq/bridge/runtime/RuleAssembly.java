package io.starlingmq.bridge.runtime;

import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.rule.RuleRunner;

/** Builds the running form of one kind of rule from its settings (one class per kind). */
interface RuleAssembly {

    RuleRunner assemble(RuleProperties properties, BridgeContext context);
}
