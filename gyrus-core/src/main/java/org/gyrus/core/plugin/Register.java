package org.gyrus.core.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a {@link Component} class: at compile time {@link RegisterProcessor} lists it in {@code
 * META-INF/services/} under every component kind it implements, so {@link Registry} finds it
 * through {@link java.util.ServiceLoader} with no other file to edit.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Register {}
