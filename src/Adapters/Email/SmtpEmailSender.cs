using MailKit.Net.Smtp;
using MailKit.Security;
using Workflows.Network.Storage;
using Workflows.Email;

namespace Workflows.Adapters.Email;

/// <summary>
/// Sends through an SMTP server with MailKit. Like the SendGrid sender it records each idempotency key after the
/// server accepts the message, and sends nothing for a key it has recorded.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options, IOnceLedger ledger, TimeProvider time) : IEmailSender
{
    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellation = default)
    {
        EmailGuard.Check(message);
        if (await ledger.WasRecordedAsync(EmailGuard.LedgerScope, message.IdempotencyKey, cancellation).ConfigureAwait(false))
        {
            return;
        }

        var domain = options.From.Address[(options.From.Address.IndexOf('@', StringComparison.Ordinal) + 1)..];
        using var mime = MimeMessages.Create(message, options.From, time.GetUtcNow(), $"{Guid.NewGuid():N}@{domain}");
        using var client = new SmtpClient();
        var security = !options.UseTls ? SecureSocketOptions.None : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host, options.Port, security, cancellation).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellation).ConfigureAwait(false);
        }

        await client.SendAsync(mime, cancellation).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellation).ConfigureAwait(false);
        await ledger.TryRecordOnceAsync(EmailGuard.LedgerScope, message.IdempotencyKey, cancellation).ConfigureAwait(false);
    }
}
