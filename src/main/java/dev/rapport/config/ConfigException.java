package dev.rapport.config;

/** A setting with a value Rapport cannot run with. The message names the setting, the value and what is expected. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
