/**
 * What every room may know of a run: its job parameters (RunParameters, each name spelt once, with its
 * type, default and check; RunRequest, the command line's name=value words read once), the defaults
 * from dedup.* (DedupProperties), and the refusal of a command that cannot run as typed.
 */
@NullMarked
package io.inventdedup.run;

import org.jspecify.annotations.NullMarked;
