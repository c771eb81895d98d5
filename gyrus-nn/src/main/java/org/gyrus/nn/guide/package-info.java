/**
 * Guidance (B19, "training the untrainable"): a frozen guide network's layers pull a target
 * network's layers toward its representations through a 1 − CKA loss.
 */
package org.gyrus.nn.guide;
