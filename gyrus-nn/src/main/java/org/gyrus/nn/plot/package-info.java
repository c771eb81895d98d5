/** PNG charts and bench row reports for the gyrus-nn bench mains (issue 19). */
package org.gyrus.nn.plot;
