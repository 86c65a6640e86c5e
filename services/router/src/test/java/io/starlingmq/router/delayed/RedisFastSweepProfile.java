package io.starlingmq.router.delayed;

import io.starlingmq.router.component.RedisStoreProfile;
import io.starlingmq.router.sys.FastSweepProfile;

import java.util.Map;

/** The Redis session store on a real redis-server, with the short intervals of {@link FastSweepProfile}. */
public class RedisFastSweepProfile extends RedisStoreProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return FastSweepProfile.overrides();
    }
}
