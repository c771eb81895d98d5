/**
 * Environments and agents: a referential game whose speaker and listener invent discrete symbols
 * through a vector-quantised bottleneck ({@link org.gyrus.agents.game}), and a library of Datalog
 * modules admitted only when their few-shot tests pass ({@link org.gyrus.agents.library}).
 */
package org.gyrus.agents;
