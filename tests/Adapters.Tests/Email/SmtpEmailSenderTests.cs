using Microsoft.Extensions.Time.Testing;
using Workflows.Email;
using Workflows.Network.Storage;
using Workflows.Adapters.Tests.Support;

namespace Workflows.Adapters.Tests.Email;

/// <summary>The SMTP sender against a real SMTP conversation on 127.0.0.1.</summary>
public sealed class SmtpEmailSenderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "smtp-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteRegistryStore ledger;

    public SmtpEmailSenderTests() => ledger = new SqliteRegistryStore(Path.Combine(directory, "registry.db"));

    public void Dispose()
    {
        ledger.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private SmtpEmailSender Sender(SmtpListener server) => new(
        new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseTls = false,
            UserName = "nettverk",
            Password = "hemmelig",
            From = new EmailAddress("nettverk@helse-forde.example", "Kompetansenettverket"),
        },
        ledger,
        new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));

    private static EmailMessage Welcome(string key = "onboarding-rn-1:abc:3") => new()
    {
        IdempotencyKey = key,
        To = [new EmailAddress("kari@forde.example", "Kari Sæbø")],
        Cc = [new EmailAddress("leiar@forde.example", "Nærmaste leiar")],
        Subject = "Velkomen som ressurssjukepleiar",
        TextBody = "Hei Kari,\r\n.\r\nvelkomen i nettverket.",
        HtmlBody = "<p>Hei Kari, velkomen i nettverket.</p>",
        Attachments = [new EmailAttachment("velkomstbrev.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46, 0x2D])],
    };

    [Fact]
    public async Task Sends_one_message_per_idempotency_key_signed_in_with_the_envelope_for_to_and_cc()
    {
        await using var server = new SmtpListener();
        var sender = Sender(server);

        await sender.SendAsync(Welcome());
        await sender.SendAsync(Welcome());

        var (from, to, user, message) = Assert.Single(server.Received);
        Assert.Equal("nettverk@helse-forde.example", from);
        Assert.Equal(["kari@forde.example", "leiar@forde.example"], to);
        Assert.Equal("nettverk", user);
        Assert.Equal("Velkomen som ressurssjukepleiar", message.Subject);
        Assert.Equal("onboarding-rn-1:abc:3", message.Headers["X-Idempotency-Key"]);
        Assert.Contains("Hei Kari,\n.\nvelkomen", message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("velkomen i nettverket", message.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.Single(message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("velkomstbrev.pdf", attachment.FileName);
        Assert.True(await ledger.WasRecordedAsync(EmailGuard.LedgerScope, "onboarding-rn-1:abc:3"));
    }

    [Fact]
    public async Task A_message_the_server_turns_away_is_not_recorded_so_the_retried_activity_sends_it()
    {
        await using var server = new SmtpListener();
        var sender = Sender(server);
        server.RejectNext(1);

        await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpCommandException>(() => sender.SendAsync(Welcome()));
        var recordedAfterRejection = await ledger.WasRecordedAsync(EmailGuard.LedgerScope, "onboarding-rn-1:abc:3");
        await sender.SendAsync(Welcome());

        Assert.False(recordedAfterRejection);
        Assert.Single(server.Received);
    }
}
