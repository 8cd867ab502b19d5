package dev.faultline.engine.spi.run;

/** What a GameDay does after one of its experiments was halted, once it may go on. */
public enum AfterHalt {
    /** Go on with the next experiment. */
    RESUME,
    /** Run the halted experiment again, then go on. */
    REPEAT,
    /** End the day here: the experiments after it do not run. */
    END
}
