package io.starlingmq.bridge.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A text with {@code ${name}} variables, parsed once when a rule is read. A variable is a root name
 * ({@code topic}, {@code clientid}...) or a root followed by a path ({@code payload.device.id},
 * {@code headers.trace}); which roots exist depends on what the rule reads from. A template that is exactly
 * one variable passes that variable's bytes through unchanged (a binary payload stays binary).
 */
public final class Template {

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code source}; {@code roots} are the variable roots the rule offers, {@code pathRoots} those
     * that also take a path after a dot.
     *
     * @throws IllegalArgumentException naming the first variable that is unknown or malformed
     */
    public static Template parse(String source, Set<String> roots, Set<String> pathRoots) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf("${", at);
            if (open < 0) {
                parts.add(new Literal(source.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Literal(source.substring(at, open)));
            }
            int close = source.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed ${ at position " + open + " of '" + source + "'");
            }
            String name = source.substring(open + 2, close).trim();
            int dot = name.indexOf('.');
            String root = dot < 0 ? name : name.substring(0, dot);
            String path = dot < 0 ? "" : name.substring(dot + 1);
            if (!roots.contains(root) && !pathRoots.contains(root)) {
                throw new IllegalArgumentException("unknown variable ${" + name + "} in '" + source + "'; known: "
                        + String.join(", ", known(roots, pathRoots)));
            }
            if (dot >= 0 && (!pathRoots.contains(root) || path.isEmpty())) {
                throw new IllegalArgumentException("${" + name + "} in '" + source + "': "
                        + (pathRoots.contains(root) ? "a path is empty" : root + " takes no path"));
            }
            if (dot < 0 && !roots.contains(root)) {
                throw new IllegalArgumentException("${" + name + "} in '" + source + "' needs a path, e.g. ${"
                        + root + ".name}");
            }
            parts.add(new Variable(root, path));
            at = close + 1;
        }
        return new Template(source, parts);
    }

    private static List<String> known(Set<String> roots, Set<String> pathRoots) {
        List<String> names = new ArrayList<>(roots.stream().sorted().toList());
        pathRoots.stream().sorted().map(root -> root + ".<path>").forEach(names::add);
        return names;
    }

    /** The text with every variable replaced. */
    public String render(Variables variables) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> out.append(literal.text());
                case Variable variable -> out.append(variables.text(variable.root(), variable.path()));
            }
        }
        return out.toString();
    }

    /** The bytes: a single variable's own bytes, otherwise the rendered text in UTF-8. */
    public byte[] renderBytes(Variables variables) {
        if (parts.size() == 1 && parts.getFirst() instanceof Variable variable) {
            return variables.bytes(variable.root(), variable.path());
        }
        return render(variables).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether any variable of this template is {@code root}. */
    public boolean uses(String root) {
        return parts.stream().anyMatch(part -> part instanceof Variable variable && variable.root().equals(root));
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }

    private sealed interface Part permits Literal, Variable {
    }

    private record Literal(String text) implements Part {
    }

    private record Variable(String root, String path) implements Part {
    }
}
