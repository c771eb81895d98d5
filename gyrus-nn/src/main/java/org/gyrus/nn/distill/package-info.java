/**
 * Module-to-module knowledge distillation (B7, m2mKD): a trained teacher's module outputs supervise
 * the matching student modules, each fed the teacher's input to that module; joint end-to-end
 * fine-tuning follows.
 */
package org.gyrus.nn.distill;
