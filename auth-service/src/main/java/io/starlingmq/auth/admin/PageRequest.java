package io.starlingmq.auth.admin;

import io.quarkus.panache.common.Page;
import io.starlingmq.auth.config.AuthConfig;
import jakarta.ws.rs.BadRequestException;

/** Validated paging parameters, bounded by {@code starling.auth.admin.max-page-size}. */
record PageRequest(int page, int size) {

    static final int DEFAULT_SIZE = 50;

    static PageRequest of(Integer page, Integer size, AuthConfig config) {
        int p = page == null ? 0 : page;
        int s = size == null ? Math.min(DEFAULT_SIZE, config.admin().maxPageSize()) : size;
        if (p < 0 || s < 1 || s > config.admin().maxPageSize()) {
            throw new BadRequestException("page must be >= 0 and size between 1 and " + config.admin().maxPageSize());
        }
        return new PageRequest(p, s);
    }

    Page toPanache() {
        return Page.of(page, size);
    }
}
