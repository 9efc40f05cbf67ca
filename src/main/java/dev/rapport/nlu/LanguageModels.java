package dev.rapport.nlu;

/** The intent and sentiment models of one language. Immutable and thread-safe. */
record LanguageModels(Categorizer intents, Categorizer sentiment) {

    Categorizer get(Task task) {
        return task == Task.INTENT ? intents : sentiment;
    }
}
