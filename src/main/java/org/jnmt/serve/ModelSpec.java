package org.jnmt.serve;

import java.nio.file.Path;

/** A model to serve: its name (what a request's {@code model} says) and its directory. */
public record ModelSpec(String name, Path dir) {}
