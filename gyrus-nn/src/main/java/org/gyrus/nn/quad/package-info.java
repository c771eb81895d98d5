/** Quadratic neurons (B4): the {@code quadratic} block type with ReLinear initialisation. */
package org.gyrus.nn.quad;
