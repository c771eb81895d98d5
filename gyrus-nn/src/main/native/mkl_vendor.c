/*
 * Preloaded into Gyrus's JVM on AMD CPUs (see mkl-preload): the MKL linked into DJL's libtorch asks
 * this function whether it runs on an Intel CPU and, if not, skips its AVX-512 kernels even where
 * the CPU has them. Answering yes lets MKL pick kernels by the CPU's own feature flags, as it does
 * on Intel. Nothing else in the process calls it.
 */
int mkl_serv_intel_cpu_true(void) { return 1; }
