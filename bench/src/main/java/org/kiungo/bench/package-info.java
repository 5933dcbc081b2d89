/** JMH benchmarks and load generators. */
package org.kiungo.bench;
