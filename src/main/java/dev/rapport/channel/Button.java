package dev.rapport.channel;

/** An inline button: the label shown and the data sent back when it is pressed (1–64 bytes on Telegram). */
public record Button(String label, String data) {}
