using System.Text;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Workflows.Email;

namespace Workflows.Adapters.Tests.Email;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "outbox-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private OutboxEmailSender Sender() => new(directory, new EmailAddress("nettverk@ahus.no", "Kompetansenettverket"), clock);

    private static EmailMessage Welcome(string key = "onboarding-42:3") => new()
    {
        IdempotencyKey = key,
        To = [new EmailAddress("kari.nordmann@example.no", "Kari Nordmann")],
        Cc = [new EmailAddress("leder@example.no")],
        Subject = "Velkommen som ressurssykepleier – Kompetansenettverk i palliasjon",
        TextBody = "Hei Kari! Vi er glade for å ha deg med i nettverket.",
        HtmlBody = "<p>Hei Kari! Vi er glade for å ha deg med i nettverket.</p>",
        Attachments = [new EmailAttachment("velkomstbrev.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7 test"))],
    };

    [Fact]
    public async Task Send_WritesAnEmlThatMailProgramsRead()
    {
        var sender = Sender();

        await sender.SendAsync(Welcome());

        var file = Assert.Single(Directory.GetFiles(directory, "*.eml"));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Velkommen som ressurssykepleier – Kompetansenettverk i palliasjon", message.Subject);
        Assert.Equal("kari.nordmann@example.no", message.To.Mailboxes.Single().Address);
        Assert.Equal("leder@example.no", message.Cc.Mailboxes.Single().Address);
        Assert.Equal("nettverk@ahus.no", message.From.Mailboxes.Single().Address);
        Assert.Contains("glade for å ha deg", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Hei Kari!", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("velkomstbrev.pdf", Assert.Single(message.Attachments).ContentDisposition?.FileName);
        Assert.Equal(clock.GetUtcNow(), message.Date);
    }

    [Fact]
    public async Task Send_SameIdempotencyKeyTwice_WritesOnce()
    {
        var sender = Sender();

        await sender.SendAsync(Welcome());
        clock.Advance(TimeSpan.FromMinutes(5));
        await sender.SendAsync(Welcome() with { Subject = "retried" });
        await sender.SendAsync(Welcome("onboarding-42:4"));

        Assert.Equal(2, Directory.GetFiles(directory, "*.eml").Length);
        using var first = await MimeMessage.LoadAsync(sender.PathFor("onboarding-42:3"));
        Assert.StartsWith("Velkommen", first.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithoutRecipients_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendAsync(Welcome() with { To = [] }));

        Assert.Empty(Directory.GetFiles(directory));
    }
}
