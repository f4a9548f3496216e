/** Why core says no, as data (a case and its values): the chat renders the sentence, the audit log keeps plain words. */
package dev.jitgroups.core.refusal;
