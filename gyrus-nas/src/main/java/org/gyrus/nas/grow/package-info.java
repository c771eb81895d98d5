/**
 * Networks that grow (S5, Net2Net/EAS): a {@link org.gyrus.nas.grow.Net} is a spec with its weights
 * by layer path; {@link org.gyrus.nas.grow.Morphism}s (registered {@code net2wider}, {@code
 * net2deeper}, {@code widen_kernel}, {@code insert_skip}) map spec and weights so the function is
 * unchanged or refuse with a reason; {@link org.gyrus.nas.grow.Grower} is a REINFORCE controller
 * over them.
 */
package org.gyrus.nas.grow;
