package dev.jitgroups.bot.cards;

/**
 * A line shown prominently on a card, coloured by what it means: a confirmation is good news, a refusal needs
 * attention, something still to happen is a warning. Never a confirmation in red.
 *
 * @param markdown Teams markdown, with people's text already escaped
 */
public record Notice(String markdown, Tone tone) {

    /** The Adaptive Card colour of each meaning. */
    public enum Tone {
        GOOD("Good"), ATTENTION("Attention"), WARNING("Warning"), PLAIN("Default");

        private final String color;

        Tone(String color) {
            this.color = color;
        }

        public String color() {
            return color;
        }
    }

    public static Notice good(String markdown) {
        return new Notice(markdown, Tone.GOOD);
    }

    public static Notice attention(String markdown) {
        return new Notice(markdown, Tone.ATTENTION);
    }

    public static Notice warning(String markdown) {
        return new Notice(markdown, Tone.WARNING);
    }
}
