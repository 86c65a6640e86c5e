package io.starlingmq.auth.admin;

import java.util.List;

/** One page of a listing; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {
}
