package io.starlingmq.router.session;

import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.routing.SharedGroupChooser;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared-subscription chooser with the configured strategy; the class itself stays free of CDI. */
public class SharedGroupChooserProducer {

    @Produces
    @Singleton
    SharedGroupChooser sharedGroupChooser(RouterConfig config, SessionDirectory directory) {
        return new SharedGroupChooser(config.sharedSubscription().strategy(), directory);
    }
}
