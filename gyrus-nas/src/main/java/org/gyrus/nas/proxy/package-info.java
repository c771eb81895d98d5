/**
 * Training-free architecture proxies (S10): each a registered {@link
 * org.gyrus.nas.proxy.ProxyFactory} scoring an untrained network compiled from its spec on one data
 * batch, and RoBoT (S11), the search algorithm that ensembles them.
 */
package org.gyrus.nas.proxy;
