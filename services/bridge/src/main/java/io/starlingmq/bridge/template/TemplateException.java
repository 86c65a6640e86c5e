package io.starlingmq.bridge.template;

/** A template could not be rendered for one message: that message goes to the dead letters with this reason. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String reason) {
        super(reason, null, false, false);
    }
}
