package dev.rapport.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.inbox.UpdateDecoder;
import org.junit.jupiter.api.Test;

class TelegramDecoderTest {

    final TelegramDecoder decoder = new TelegramDecoder();

    InboundMessage decode(String payload) {
        var decoded = decoder.decode(1, "42", payload);
        assertThat(decoded).isInstanceOf(UpdateDecoder.Decoded.Message.class);
        return ((UpdateDecoder.Decoded.Message) decoded).message();
    }

    @Test
    void commandsLoseTheSlashAndTheBotNameAndKeepTheirArgument() {
        var message = decode("""
                {"message": {"date": 1, "from": {"id": 42, "first_name": "Li", "language_code": "zh-hans"},
                 "chat": {"id": 42, "type": "private"}, "text": "/Start@RapportBot  ref-123 "}}""");
        assertThat(message.content()).isEqualTo(new Content.Command("start", "ref-123"));
        assertThat(message.sender().languageCode()).isEqualTo("zh-hans");
        assertThat(message.sender().firstName()).isEqualTo("Li");
    }

    @Test
    void olderShapesWithoutIsBotOrFirstNameStillDecode() {
        var message = decode("""
                {"message": {"date": 1, "from": {"id": 42}, "chat": {"id": 42, "type": "private"}, "text": "hi"}}""");
        assertThat(message.content()).isEqualTo(new Content.Text("hi"));
        assertThat(message.sender().firstName()).isNull();
    }

    @Test
    void mediaKeepsTheLargestPhotoAndTheCaption() {
        var message = decode("""
                {"message": {"date": 1, "from": {"id": 42}, "chat": {"id": 42, "type": "private"}, "caption": "broken",
                 "photo": [{"file_id": "small"}, {"file_id": "large"}]}}""");
        assertThat(message.content()).isEqualTo(new Content.Media("photo", "large", "broken"));
    }

    @Test
    void buttonPressesContactsAndBlocks() {
        assertThat(decode("""
                {"callback_query": {"id": "cb", "from": {"id": 42}, "data": "go:help",
                 "message": {"message_id": 9, "chat": {"id": 42, "type": "private"}}}}""").content()).isEqualTo(new Content.ButtonPress("go:help", "cb", "9"));
        assertThat(decode("""
                {"message": {"date": 1, "from": {"id": 42}, "chat": {"id": 42, "type": "private"},
                 "contact": {"phone_number": "+8613800000000", "user_id": 42}}}""").content()).isEqualTo(new Content.SharedContact("+8613800000000", "42"));
        assertThat(decode("""
                {"my_chat_member": {"date": 1, "from": {"id": 42}, "chat": {"id": 42, "type": "private"},
                 "new_chat_member": {"status": "kicked"}}}""").content()).isEqualTo(new Content.Membership(true));
    }

    @Test
    void aServiceMessageIsIgnoredWithAReason() {
        var decoded = decoder.decode(1, "42", """
                {"message": {"date": 1, "from": {"id": 42}, "chat": {"id": 42, "type": "private"},
                 "write_access_allowed": {}}}""");
        assertThat(decoded).isInstanceOf(UpdateDecoder.Decoded.Ignore.class);
    }
}
